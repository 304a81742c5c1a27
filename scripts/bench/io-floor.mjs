// The I/O floor: read the file's bytes and count line breaks, nothing else. Prints the
// count, and its peak RSS (KiB) as "max-rss-kib N" on stderr like the other children.
import { createReadStream } from 'node:fs';

let lines = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
}
console.log(lines);
console.error(`max-rss-kib ${process.resourceUsage().maxRSS}`);
