// trunk's post-build hook (release builds): gives the wasm's imports short names, in the wasm and in its JS glue alike.
//
// wasm-bindgen names each import after the API it calls plus a 16-digit hash
// (`__wbg_getItem_49556a3e59cfb688`), and writes every name twice: in the wasm's import section and
// as a key of the glue's import object. The hashes do not compress: the employee's first load
// carried about 5 KB gzip of them. Here each import becomes `a`, `b`, … in both files, the module
// name `./<crate>_bg.js` becomes `m`, the glue is minified again with its top-level names mangled
// (trunk's minifier keeps them), and index.html's integrity hashes are computed again for the two
// changed files. Anything unexpected stops the build: a glue that no longer matches its wasm must
// never be deployed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { withIntegrity, escaped } from './integrity.mjs';
import { packWasm } from './pack-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE === 'release' && dir) {
  const files = readdirSync(dir);
  for (const wasmFile of files.filter((f) => f.endsWith('_bg.wasm'))) {
    const stem = wasmFile.replace(/-[0-9a-f]+_bg\.wasm$/, '');
    const jsFile = files.find((f) => f.startsWith(`${stem}-`) && f.endsWith('.js'));
    if (!jsFile) throw new Error(`shorten-imports: no JS glue beside ${wasmFile}`);
    await shorten(join(dir, wasmFile), join(dir, jsFile), join(dir, 'index.html'));
    // After the wasm's last change, in this same hook: trunk runs a stage's hooks side by side.
    packWasm(dir, wasmFile, join(dir, 'index.html'));
  }
}

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

async function shorten(wasmPath, jsPath, htmlPath) {
  const wasm = readFileSync(wasmPath);
  let js = readFileSync(jsPath, 'utf8');
  let at = 8;
  const u32 = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = wasm[at++];
      n |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return n >>> 0;
    }
  };
  const name = () => {
    const len = u32();
    const s = wasm.subarray(at, at + len).toString('utf8');
    at += len;
    return s;
  };
  const limits = () => {
    const flags = wasm[at++];
    u32();
    if (flags & 1) u32();
  };
  const out = [wasm.subarray(0, 8)];
  const modules = new Map();
  const short = (i) => {
    let s = '';
    do {
      s = String.fromCharCode(97 + (i % 26)) + s;
      i = Math.floor(i / 26) - 1;
    } while (i >= 0);
    return s;
  };
  // Short names follow the glue's own keys in sorted order, not the wasm's: the same glue (and so
  // the same file name, which trunk hashes from it) always gets the same names, whatever the
  // optimiser left in the wasm, so a cached glue can never meet a wasm that means other
  // functions by the same names.
  const glueKeys = [...new Set([...js.matchAll(/[{,]\s*((?:__wbg_|__wbindgen_)[A-Za-z0-9_$]*)\s*:/g)].map((m) => m[1]))].sort();
  const shortOf = new Map(glueKeys.map((key, i) => [key, short(i)]));
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const size = u32();
    const end = at + size;
    if (id !== 2) {
      out.push(wasm.subarray(start, end));
      at = end;
      continue;
    }
    const entries = [];
    const count = u32();
    for (let i = 0; i < count; i++) {
      const module = name();
      const field = name();
      const descStart = at;
      const kind = wasm[at++];
      if (kind === 0) u32();
      else if (kind === 1) { at++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) at += 2;
      else if (kind === 4) { at++; u32(); }
      else throw new Error(`shorten-imports: unknown import kind ${kind}`);
      if (!shortOf.has(field)) throw new Error(`shorten-imports: the wasm imports ${field}, which ${jsPath} does not define`);
      modules.set(module, null);
      entries.push([module, shortOf.get(field), wasm.subarray(descStart, at)]);
    }
    if (at !== end) throw new Error('shorten-imports: the import section did not parse to its end');
    [...modules.keys()].sort().forEach((module, i) => modules.set(module, i ? `m${i}` : 'm'));
    const payload = [...leb(count)];
    for (const [longModule, field, desc] of entries) {
      const module = modules.get(longModule);
      payload.push(...leb(module.length), ...Buffer.from(module), ...leb(field.length), ...Buffer.from(field), ...desc);
    }
    out.push(Buffer.from([2, ...leb(payload.length), ...payload]));
  }

  // The glue's import object: `"<module>":{__proto__:null,<field>:function…,…}`. Every old name
  // must be found exactly once as a key, or the two files would no longer match.
  for (const [old, field] of shortOf) {
    const pattern = new RegExp(`([{,]\\s*)${old.replace(/\$/g, '\\$')}(\\s*):`, 'g');
    const found = js.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`shorten-imports: import ${old} is a key ${found} times in ${jsPath}`);
    js = js.replace(pattern, `$1${field}$2:`);
  }
  for (const [module, short] of modules) {
    const quoted = JSON.stringify(module);
    const key = new RegExp(`${escaped(quoted)}(\\s*):`, 'g');
    if ((js.match(key)?.length ?? 0) !== 1) throw new Error(`shorten-imports: module ${quoted} is not one key in ${jsPath}`);
    js = js.replace(key, `${JSON.stringify(short)}$1:`);
  }
  // Its exports (init, initSync) keep their names; the import object's keys are not mangled.
  js = (await minify(js, { module: true, compress: { passes: 2 }, mangle: { toplevel: true }, format: { comments: false } })).code;
  const newWasm = Buffer.concat(out);
  writeFileSync(wasmPath, newWasm);
  writeFileSync(jsPath, js);

  // index.html's preload links carry Subresource Integrity hashes of the two files.
  let html = readFileSync(htmlPath, 'utf8');
  for (const [path, bytes] of [[wasmPath, newWasm], [jsPath, Buffer.from(js)]]) html = withIntegrity(html, path.split('/').pop(), bytes);
  writeFileSync(htmlPath, html);
}
