// trunk's post-build hook: minifies the hand-written scripts it copies (boot.js, report.js, sw.js, embed.js and the
// embed demo's), as it does its own JS glue; their comments stay in web/, for people to read. Release builds only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE === 'release' && dir) {
  // boot.js is a module (top-level await); the others are classic scripts.
  for (const [file, module] of [['boot.js', true], ['report.js', false], ['sw.js', false], ['embed.js', false], ['embed-demo.js', false]]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const result = await minify(readFileSync(path, 'utf8'), { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    writeFileSync(path, result.code);
  }
}
