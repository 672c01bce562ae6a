// The quiz's service worker: a second visit starts with no network at all, for training rooms with
// flaky links. Registered by boot.js from the app's folder, so its scope is that folder (a sub-path
// deploy works) and the trainer's page below it is left alone.
//
// - The page, boot.js, the manifest, the sets and the other unhashed files are asked from the
//   network first, so a new app version or a re-published set shows on the next visit; the copy
//   kept here answers only when the network does not, marked so the app can say so.
// - The wasm, its JS and the CSS carry a content hash in their names (trunk), so a kept copy is
//   always right: served from here. A new page from the network names its own files, and the
//   kept files it no longer names are dropped, so old and new versions never mix.
'use strict';

const CACHE = 'credo-quiz-v1';
// What the app marks as "from the kept copy": see credo_web::storage::fetch_text.
const FROM_CACHE = 'x-credo-quiz-from-cache';
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const scope = () => self.registration.scope;

// The files a page names (trunk's output: href, src, data-js, data-wasm), as absolute URLs.
function namedBy(html) {
  const urls = [...html.matchAll(/(?:href|src|data-js|data-wasm)=["']?(\.\/[^"'\s>]+)/g)].map((m) => m[1]);
  return urls.map((u) => new URL(u, scope()).href);
}

// Hashed files being fetched into the cache, by URL: the page and keepVersion asking for the same
// new file at once share one download (a new wasm is the largest file on a slow line).
const inFlight = new Map();

// A hashed file from the cache, else fetched once and kept.
async function hashed(cache, url) {
  const kept = await cache.match(url);
  if (kept) return kept;
  if (!inFlight.has(url)) {
    inFlight.set(url, (async () => {
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response.clone());
      return response;
    })().finally(() => inFlight.delete(url)));
  }
  return (await inFlight.get(url)).clone();
}

// Keeps everything the page needs to start, then drops the hashed files of older versions;
// throws, dropping nothing, when a file could not be had.
async function keepVersion(cache, html) {
  const named = namedBy(html);
  const responses = await Promise.all(named.map((url) => hashed(cache, url)));
  if (responses.some((r) => !r.ok)) throw new Error('a file of the new version is missing');
  for (const request of await cache.keys()) {
    if (HASHED.test(request.url) && !named.includes(request.url)) await cache.delete(request);
  }
}

// Fetches a file of this folder into the cache; its response to read, or null when it failed.
async function keep(cache, file) {
  const url = new URL(file, scope()).href;
  const response = await fetch(url, { cache: 'no-cache' }).catch(() => null);
  if (!response?.ok) return null;
  await cache.put(url, response.clone());
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch(scope());
    if (!page.ok) return;
    await cache.put(scope(), page.clone());
    await keepVersion(cache, await page.text());
    for (const file of ['boot.js', 'config.toml']) await keep(cache, file);
    // The manifest and every set it lists, so that any set opens in a training room without a
    // network. Fetched once, after the page has started (boot.js registers this worker then), so
    // the first question and the set list do not wait for it.
    const manifest = await keep(cache, 'questions/manifest.txt');
    const files = manifest ? (await manifest.text()).split('\n').map((l) => l.split('|')[0].trim()) : [];
    for (const file of files.filter((f) => /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.toml$/.test(f))) {
      await keep(cache, `questions/${file}`);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

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

// The response goes to the page at once; keeping it (and, for a new quiz page, its files) goes on
// while the worker is kept alive for it.
async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  const key = keyOf(event.request);
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      // A new quiz page is kept only with all its files, so the kept copy is always one whole version.
      event.waitUntil((async () => {
        if (key === scope()) await keepVersion(cache, await copy.clone().text());
        await cache.put(key, copy);
      })().catch(() => {}));
    }
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return marked(kept);
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Only this folder's own files, and never the trainer's page (its own bundle, always fresh).
  if (event.request.method !== 'GET' || !url.href.startsWith(scope()) || url.href.startsWith(new URL('trainer/', scope()).href)) return;
  event.respondWith(HASHED.test(url.pathname)
    ? caches.open(CACHE).then((cache) => hashed(cache, url.origin + url.pathname))
    : networkFirst(event));
});
