// Writes a gzip-packed copy of a page's wasm beside it and points the page at it (release builds; called by shorten-imports.mjs).
//
// Many intranet servers do not compress .wasm (IIS's static compression leaves application/wasm
// out until an administrator adds it), and then the wasm is three quarters of a first visit's bytes:
// 366 KB where 148 KB would do. So the build ships `<name>_gz.wasm`, the same module gzipped, and
// boot.js unpacks it with the browser's DecompressionStream; a browser without one loads the plain
// `_bg.wasm`, which stays beside it. The name keeps `.wasm` at its end: a server already maps that
// to application/wasm (a new extension would need a MIME map of its own, and IIS refuses files it
// has none for). The packed copy is marked on the boot script (`data-wasm-gz`), and the page's
// preload link and its integrity hash move to it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escaped, withIntegrity } from './integrity.mjs';

// Zopfli searches harder than zlib for the same gzip format, which any gunzip (the browser's
// DecompressionStream) reads: 5% smaller (143.9 KB instead of 151.3 KB with zlib -9 for the app's
// wasm when it came in), for about a second of build time. scripts/setup installs it in .venv-build.
const python = fileURLToPath(new URL('../.venv-build/bin/python', import.meta.url));
const ZOPFLI = 'import sys, zopfli.gzip; sys.stdout.buffer.write(zopfli.gzip.compress(sys.stdin.buffer.read()))';

function gzipped(bytes) {
  if (!existsSync(python)) throw new Error('pack-wasm: no zopfli in .venv-build; run scripts/setup');
  return execFileSync(python, ['-c', ZOPFLI], { input: bytes, maxBuffer: 4 * bytes.length + (1 << 20) });
}

export function packWasm(dir, wasmFile, htmlPath) {
  const packedFile = wasmFile.replace(/_bg\.wasm$/, '_gz.wasm');
  if (packedFile === wasmFile) throw new Error(`pack-wasm: ${wasmFile} is not a wasm-bindgen _bg.wasm`);
  const packed = gzipped(readFileSync(join(dir, wasmFile)));
  writeFileSync(join(dir, packedFile), packed);
  let html = readFileSync(htmlPath, 'utf8');
  // The boot script names the plain wasm (`data-wasm=./…`, quoted or not): the packed one goes beside it.
  const named = new RegExp(`(data-wasm=(["']?)\\./${escaped(wasmFile)}\\2)`);
  if (!named.test(html)) throw new Error(`pack-wasm: ${htmlPath} does not name ${wasmFile} in data-wasm`);
  html = html.replace(named, `$1 data-wasm-gz=./${packedFile}`);
  // The preload link fetches what boot.js will ask for, checked by its own hash.
  const preload = new RegExp(`(<link[^>]*href=["']?\\./)${escaped(wasmFile)}`);
  if (!preload.test(html)) throw new Error(`pack-wasm: no preload link for ${wasmFile} in ${htmlPath}`);
  writeFileSync(htmlPath, withIntegrity(html.replace(preload, `$1${packedFile}`), packedFile, packed));
}
