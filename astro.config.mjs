// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The CLI (`gapreport build`) sets GAPREPORT_OUT_DIR to a temporary folder and
// swaps it into dist/ only when the whole build succeeded (atomic output).
export default defineConfig({
  outDir: process.env.GAPREPORT_OUT_DIR ?? './dist',
  srcDir: './src',
  publicDir: './public',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
