// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// gapreport build hands over the integration it was built with (its prebuilt JavaScript, on globalThis
// while Astro runs): Node then loads this file as it is, and Astro needs no Vite server to compile
// src/integration.ts and the hundred modules it imports. Elsewhere (astro build, astro dev) the import
// fails in Node and Astro loads the file through Vite, which compiles the TypeScript as before.
const handed = /** @type {{ __gapreportIntegration?: typeof import('./src/integration') }} */ (globalThis).__gapreportIntegration;
const { gapreport } = handed ?? (await import('./src/integration'));

// No usage data leaves a report author's machine, and `npm run dev` does not nag about
// upgrades: Astro reads both switches after it loads this file (telemetry events, the
// version check), for astro dev/build/preview and the CLI's build() alike. Astro's one-time
// telemetry notice prints before any config is read; only the variable set outside hides it.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

// `gapreport build` passes its own outDir (a temporary folder it swaps into dist/ only when
// the whole build succeeded) and its own gapreport({ root, figures }) in Astro's inline config.
export default defineConfig({
  outDir: './dist',
  srcDir: './src',
  publicDir: './public',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx(), gapreport()],
  // Code blocks in the guide: GitHub's default themes, whose every token colour reads at
  // 4.5:1 or more on its background (github-dark's comments were 3.04:1); site.css switches
  // to the dark one with the system setting.
  markdown: { shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' } } },
  devToolbar: { enabled: false },
});
