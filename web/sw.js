// The quiz's service worker: a second visit starts with no network at all, for training rooms with
// flaky links. Registered by boot.js from the app's folder, so its scope is that folder (a sub-path
// deploy works); the trainer's page below it is left to the network.
//
// - The page, boot.js, the manifest, the sets and the other unhashed files are asked from the
//   network first, so a new app version or a re-published set shows on the next visit; the copy
//   kept here answers when the network fails, errs (5xx) or stalls, marked so the app can say so.
// - The wasm, its JS and the CSS carry a content hash in their names (trunk), so a kept copy is
//   always right: served from here. A new quiz page is kept only once every file it uses is,
//   and then the hashed files it no longer names are dropped, so old and new versions never mix.
'use strict';

const scope = () => self.registration.scope;
// One cache per deployed folder: two copies of the quiz on one server (a test and the live one)
// and other applications' caches are never touched.
const cacheName = () => `credo-quiz ${scope()}`;
// What the app reads as "from the kept copy": see credo_web::storage::fetch_text.
const FROM_CACHE = 'x-credo-quiz-from-cache';
// trunk's content hash: up to 16 hex digits (written without leading zeros); `_gz.wasm` is the
// wasm's gzip-packed copy (scripts/pack-wasm.mjs).
const HASHED = /-[0-9a-f]{1,16}(_bg|_gz)?\.(js|wasm|css)$/;
// How long a network-first request may stall before the kept copy answers.
const PATIENCE_MS = 4000;

const under = (url, folder) => url.startsWith(new URL(folder, scope()).href);
const trainerPage = (url) => under(url, 'trainer/');

// The files a quiz page uses (trunk's output: href, src, data-js, data-wasm, data-wasm-gz), as
// absolute URLs; null for a page that is not the quiz (a proxy's or a maintenance page served with
// 200). Of the wasm's two copies only the one boot.js loads in this browser: the packed one where
// it can be unpacked (the same test as boot.js's), so a slow line never carries both.
function quizFilesOf(html) {
  if (!/id=["']?credo-quiz-boot/.test(html)) return null;
  const urls = [...html.matchAll(/(?:href|src|data-js|data-wasm|data-wasm-gz)=["']?(\.\/[^"'\s>]+)/g)]
    .map((m) => new URL(m[1], scope()).href);
  if (!urls.some((u) => /_bg\.wasm$/.test(u) && HASHED.test(u))) return null;
  const packed = urls.some((u) => /_gz\.wasm$/.test(u)) && typeof DecompressionStream === 'function';
  return urls.filter((u) => !(packed ? /_bg\.wasm$/ : /_gz\.wasm$/).test(u));
}

// Set files a manifest lists, as URLs under questions/: the same paths the app accepts, and none
// that would leave the folder.
function setsOf(manifest) {
  const dir = new URL('questions/', scope()).href;
  return manifest.split('\n').map((l) => l.split('|')[0].trim())
    .filter((f) => f.endsWith('.toml') && !f.startsWith('#') && !/(^|\/)\.\.?(\/|$)|%|\\|^\/|:/.test(f))
    .map((f) => new URL(f, dir).href)
    .filter((u) => u.startsWith(dir));
}

// Hashed files being fetched, by URL: the page and keepVersion asking for the same new file at
// once share one download (a new wasm is the largest file on a slow line).
const inFlight = new Map();

// A download of a hashed file: its response as soon as it comes, and its keeping in the cache.
function download(cache, url) {
  if (!inFlight.has(url)) {
    const entry = fetch(url).then((response) => {
      const stored = response.ok ? cache.put(url, response.clone()) : Promise.reject(new Error(`HTTP ${response.status}`));
      stored.catch(() => {}).finally(() => inFlight.delete(url));
      return { response, stored };
    });
    entry.catch(() => inFlight.delete(url));
    inFlight.set(url, entry);
  }
  return inFlight.get(url);
}

// A hashed file from the cache, else downloaded once; keeping it never delays nor fails the answer.
async function hashed(cache, url) {
  const kept = await cache.match(url);
  return kept ?? (await download(cache, url)).response.clone();
}

// Keeps a new quiz page: first every file it names, then the page, then drops the hashed files
// of older versions. Throws, changing nothing, when a file could not be kept.
async function keepVersion(cache, page, files) {
  await Promise.all(files.map(async (url) => (await cache.match(url)) || (await download(cache, url)).stored));
  await cache.put(scope(), page);
  for (const request of await cache.keys()) {
    if (HASHED.test(request.url) && !files.includes(request.url)) await cache.delete(request);
  }
}

// Fetches a file into the cache; its response to read, or null when it could not be had.
async function keep(cache, url) {
  const response = await fetch(url, { cache: 'no-cache' }).catch(() => null);
  if (!response?.ok) return null;
  await cache.put(url, response.clone());
  return response;
}

// Keeps the sets a manifest lists that are not kept yet, so any set opens without a network,
// including one published after the first visit.
async function keepSets(cache, manifest) {
  for (const url of setsOf(manifest)) if (!(await cache.match(url))) await keep(cache, url);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName());
    // The folder's address may not serve the page (a server without a directory index).
    for (const address of [scope(), new URL('index.html', scope()).href]) {
      const page = await fetch(address, { cache: 'no-cache' }).catch(() => null);
      const html = page?.ok ? await page.clone().text() : '';
      const files = quizFilesOf(html);
      if (files) { await keepVersion(cache, page, files).catch(() => {}); break; }
    }
    await keep(cache, new URL('boot.js', scope()).href);
    await keep(cache, new URL('config.toml', scope()).href);
    // After the page has started (boot.js registers this worker then): the first question and the
    // set list do not wait for it.
    const manifest = await keep(cache, new URL('questions/manifest.txt', scope()).href);
    if (manifest) await keepSets(cache, await manifest.text());
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// A kept response, marked as such.
async function marked(response) {
  const headers = new Headers(response.headers);
  headers.set(FROM_CACHE, '1');
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

// The quiz page's address, with or without index.html and whatever its query (`?set=…&embed=1`),
// is kept as one entry; any other file by its path.
function keyOf(request) {
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  return path === scope() || path === `${scope()}index.html` ? scope() : path;
}

// Asked past the browser's own HTTP cache (revalidated with the server): boot.js and the other
// unhashed files carry no version in their names, so a copy the browser held from the version
// before must not be kept here as the current one (an old boot.js asks for files the new page does
// not keep). The page itself is asked as the browser asked it: a copy of a navigation request
// made with a RequestInit would no longer be one.
const revalidated = (request) => (request.mode === 'navigate' ? request : new Request(request, { cache: 'no-cache' }));

// The network's answer; the kept copy, marked, when the network fails, answers 5xx or stalls.
// Keeping the answer goes on after the page has it.
async function networkFirst(event) {
  const cache = await caches.open(cacheName());
  const key = keyOf(event.request);
  const kept = await cache.match(key);
  const network = fetch(revalidated(event.request)).then((response) => {
    if (response.status >= 500 && kept) throw new Error(`HTTP ${response.status}`);
    if (response.ok) {
      const keeping = store(cache, key, response.clone()).catch(() => {});
      // Still within the event's life unless the kept copy has already answered a stall.
      try { event.waitUntil(keeping); } catch { /* keeping goes on while the worker lives */ }
    }
    return response;
  });
  network.catch(() => {});
  if (!kept) return network;
  const stalled = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS, 'stalled'));
  const first = await Promise.race([network, stalled]).catch(() => 'failed');
  return first instanceof Response ? first : marked(kept);
}

// Keeps what the network answered: a quiz page with all its files, a manifest with its sets.
async function store(cache, key, response) {
  if (key === scope()) {
    const files = quizFilesOf(await response.clone().text());
    if (files) await keepVersion(cache, response, files);
    return;
  }
  const manifest = key === new URL('questions/manifest.txt', scope()).href;
  const text = manifest ? await response.clone().text() : '';
  await cache.put(key, response);
  if (manifest) await keepSets(cache, text);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = request.url;
  // Only this folder's own files; the trainer's page and what it asks for go to the network, so
  // a trainer never edits against a kept copy.
  if (request.method !== 'GET' || !url.startsWith(scope()) || trainerPage(url) || trainerPage(request.referrer)) return;
  event.respondWith(HASHED.test(new URL(url).pathname)
    ? caches.open(cacheName()).then((cache) => hashed(cache, url.split('?')[0]))
    : networkFirst(event));
});
