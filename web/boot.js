// Starts the app from a file rather than an inline script, so the page runs under
// Content-Security-Policy `script-src 'self' 'wasm-unsafe-eval'` (trunk fills in the file names).
const boot = document.getElementById('credo-quiz-boot');
// The quiz page names its questions folder: the manifest, and the set a deep link opens, are
// fetched now, beside the wasm, instead of after it has started (the app takes them from here).
const prefetch = document.querySelector('meta[name="credo-quiz-prefetch"]');
let opening = Promise.resolve();
// The texts that came, by URL; the app gets those that came before it started.
const arrived = {};
if (prefetch) {
  const dir = prefetch.content;
  // As patient as the app's own fetches (FETCH_PATIENCE_MS in crates/web/src/storage.rs): a
  // server that never answers ends in an error the app shows, not an endless loading line.
  const text = (url) => fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout?.(30000) }).then((r) => {
    if (!r.ok) return Promise.reject(new Error(`HTTP ${r.status}`));
    // The service worker's kept copy answered (web/sw.js): the app says so.
    if (r.headers.has('x-credo-quiz-from-cache')) window.credoQuizFromCache = true;
    return r.text();
  }).then((body) => {
    arrived[url] = body;
    return body;
  });
  const manifest = text(`${dir}manifest.txt`);
  const started = { [`${dir}manifest.txt`]: manifest };
  const set = new URLSearchParams(location.search).get('set');
  if (set && /^[A-Za-z0-9_-]{1,64}$/.test(set)) {
    // Only a file the manifest lists, found as the app finds it: the line whose summary has the
    // id, else the file named after it; an unknown id asks the server for nothing. This runs
    // before the app reads the manifest (it was registered first), so the app finds it here.
    manifest.then((list) => {
      const lines = list.split('\n').map((l) => l.split('|').map((f) => f.trim()));
      const line = lines.find((f) => f.includes(`id=${set}`)) ?? lines.find((f) => f[0] === `${set}.toml`);
      // The app's own rule for a manifest name: a plain path below questions/ (no .., %, \, :, leading /).
      if (line && line[0].endsWith('.toml') && !/(^|\/)\.\.?(\/|$)|%|\\|^\/|:|\s/.test(line[0])) {
        started[dir + line[0]] = text(dir + line[0]);
        started[dir + line[0]].catch(() => {});
      }
    }, () => {});
  }
  // The app takes what it needs; what it never takes must not be an unhandled rejection.
  Object.values(started).forEach((p) => p.catch(() => {}));
  window.credoQuizPrefetch = started;
  // What the app opens with (the manifest, a deep link's set) usually arrives before the wasm has
  // started: the app waits for it, two seconds at most, and its first screen is the one it opens
  // on. Started at once, it would show a loading screen that the browser lays out while the set
  // it waits for sits behind that work.
  opening = manifest.then(() => Promise.allSettled(Object.values(started)), () => {});
}
// Inside an LMS: SCORM 1.2's API object in a parent frame (at most 10 up, as ADL's discovery
// does; a parent of another origin ends the search) or the opener. report.js, which opens the
// session and records the results there, is loaded only then, and before the app starts, so the
// app can resume the attempt the LMS kept (cmi.suspend_data) when the LMS launches a resume. A
// page with some other `API` object (a portal's own) is not an LMS, and nothing here may stop
// the quiz: if report.js cannot load, the quiz runs and keeps its results in this browser.
function findApi() {
  const scorm = (w) => (typeof w?.API?.LMSInitialize === 'function' ? w.API : null);
  for (let w = window, i = 0; w && i <= 10; i++, w = w.parent) {
    try {
      if (scorm(w)) return scorm(w);
    } catch {
      break;
    }
    if (w.parent === w) break;
  }
  try {
    return scorm(window.opener);
  } catch {
    return null;
  }
}
window.credoQuizLmsApi = findApi();
if (window.credoQuizLmsApi) {
  await new Promise((done) => {
    const script = document.createElement('script');
    script.src = 'report.js';
    script.onload = script.onerror = done;
    document.head.append(script);
  });
}
await Promise.race([opening, new Promise((done) => setTimeout(done, 2000))]);
// The app reads these before its first render, which is then the screen it opens on; what comes
// later it takes from the fetches above (a copy, so nothing is added behind its back).
window.credoQuizArrived = { ...arrived };
// The wasm: the build's gzip-packed copy where the browser can unpack it (scripts/pack-wasm.mjs:
// 148 KB instead of 366 KB from a server that does not compress .wasm), else the plain file.
function wasmResponse() {
  const packed = boot.dataset.wasmGz;
  if (!packed || typeof DecompressionStream !== 'function') return fetch(boot.dataset.wasm);
  return fetch(packed).then((response) => {
    if (response.ok) return unpacked(response);
    response.body?.cancel();
    return fetch(boot.dataset.wasm);
  });
}
// The packed wasm as a stream of the module, so the browser compiles it while it downloads. A
// server that compresses .wasm itself wraps our gzip in its own, which the browser takes off; one
// that labels the file as gzip may have the browser take ours off too. So the first bytes decide:
// gzip's 1f 8b is unpacked, wasm's own header passes as it is.
async function unpacked(response) {
  const reader = response.body.getReader();
  const first = [];
  let size = 0;
  let done = false;
  while (size < 2 && !done) {
    const chunk = await reader.read();
    done = chunk.done;
    if (chunk.value) {
      first.push(chunk.value);
      size += chunk.value.length;
    }
  }
  const head = first.flatMap((chunk) => [...chunk.subarray(0, 2)]);
  const body = new ReadableStream({
    start(controller) {
      first.forEach((chunk) => controller.enqueue(chunk));
      if (done) controller.close();
    },
    async pull(controller) {
      const chunk = await reader.read();
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    // A module that does not compile stops the download too.
    cancel: (reason) => reader.cancel(reason),
  });
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  return new Response(gzip ? body.pipeThrough(new DecompressionStream('gzip')) : body,
    { headers: { 'Content-Type': 'application/wasm' } });
}
try {
  const { default: init } = await import(boot.dataset.js);
  await init({ module_or_path: wasmResponse() });
  // Keeps the quiz page for the next visit, with no network needed (web/sw.js). Not the trainer's
  // page (no prefetch tag); a browser or policy without service workers simply goes without.
  // Inside an LMS the LMS serves the course (and a package carries no worker).
  if (prefetch && !window.credoQuizLms && 'serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
} catch (error) {
  // Never leave the page on "Loading…": say plainly that it could not start (a server that sends
  // .wasm with the wrong type, or a CSP without 'wasm-unsafe-eval', ends up here).
  const app = document.getElementById('app');
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = 'クイズを開始できませんでした。ページを再読み込みしても直らないときは、管理者にお知らせください。' +
    ' / The quiz could not start. If reloading does not help, please tell the administrator.';
  app.replaceChildren(message);
  throw error;
}
