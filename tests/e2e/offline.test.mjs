// End to end with the service worker (web/sw.js): a second visit with the network cut, a set
// re-published between two visits, and the app updated between two visits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distWith, launch, serveWith, watch } from './support.mjs';

const FIXTURES = new URL('fixtures/', import.meta.url).pathname;

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); await Promise.all(servers.map((s) => s.close())); });

/** A copy of dist/ served under a sub-path, closed after the tests whatever happens. */
async function served() {
  const dir = distWith({});
  const server = await serveWith({ dir, base: '/training/quiz/' });
  servers.push(server);
  return { dir, server };
}

const SET = 'susono-mission';

/** A first visit that leaves the service worker in charge, with every listed set kept. */
async function firstVisit(ctx, url) {
  const page = await ctx.newPage();
  await page.goto(`${url}?set=${SET}`);
  await page.waitForSelector('[data-question]');
  // In charge once installed (every listed set kept) and activated.
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 20000 });
  await page.close();
}

/** The cached URLs, read from a page of the app (paths only). */
async function cached(page) {
  return page.evaluate(async () => {
    const cache = await caches.open(`credo-quiz ${(await navigator.serviceWorker.ready).scope}`);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}

test('with the network cut after a first visit, the quiz starts from the kept copy and says so', async () => {
  const { server } = await served();
  const ctx = await browser.newContext();
  await firstVisit(ctx, server.url);
  // Another file of the folder opened online (here the manifest) is kept as itself, not as the quiz page.
  const other = await ctx.newPage();
  await other.goto(`${server.url}questions/manifest.txt`);
  await other.close();
  await ctx.setOffline(true);
  const page = await ctx.newPage();
  const watcher = watch(page, server.origin);
  await page.goto(`${server.url}?set=${SET}`);
  await page.waitForSelector('[data-question]');
  assert.match(await page.textContent('.notices'), /この端末に保存した版で動いています/);
  // Another set, never opened, is there too: the worker kept every set the manifest lists.
  await page.goto(`${server.url}?set=maebashi-credo`);
  await page.waitForSelector('[data-question]');
  watcher.assertClean();
  await ctx.close();
});

test('a set re-published between two visits is the one the second visit runs', async () => {
  const { dir, server } = await served();
  const ctx = await browser.newContext();
  await firstVisit(ctx, server.url);
  const file = join(dir, 'questions', `${SET}.toml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title = ".*"$/m, 'title = "再公開した裾野市のセット"'));
  const page = await ctx.newPage();
  const watcher = watch(page, server.origin);
  await page.goto(`${server.url}?set=${SET}`);
  await page.waitForSelector('[data-question]');
  await page.click('text=セット一覧に戻る');
  await page.waitForSelector('text=再公開した裾野市のセット');
  assert.equal(await page.locator('.notices').count(), 0, 'online: no notice about a kept copy');
  watcher.assertClean();
  await ctx.close();
});

test('an app updated between two visits takes over whole, and the old files are dropped', async () => {
  const { dir, server } = await served();
  const ctx = await browser.newContext();
  await firstVisit(ctx, server.url);
  // A new version as trunk makes one: the same page naming files with other hashes.
  let page = readFileSync(join(dir, 'index.html'), 'utf8');
  const renamed = [];
  for (const name of readdirSync(dir).filter((n) => /-[0-9a-f]{1,16}(_bg|_gz)?\.(js|wasm|css)$/.test(n))) {
    const next = name.replace(/-([0-9a-f]{1,16})(?=(_bg|_gz)?\.)/, (_, h) => `-${h[0] === 'a' ? 'b' : 'a'}${h.slice(1)}`);
    renameSync(join(dir, name), join(dir, next));
    page = page.replaceAll(name, next);
    renamed.push([name, next]);
  }
  writeFileSync(join(dir, 'index.html'), page.replace('<title>', '<title>v2 '));
  const tab = await ctx.newPage();
  const watcher = watch(tab, server.origin);
  await tab.goto(`${server.url}?set=${SET}`);
  await tab.waitForSelector('[data-question]');
  assert.match(await tab.title(), /^v2 /);
  // The new page was kept and named its own files; the old ones are gone once it has been seen.
  await tab.waitForFunction(async (old) => {
    const cache = await caches.open(`credo-quiz ${(await navigator.serviceWorker.ready).scope}`);
    const urls = (await cache.keys()).map((r) => r.url);
    return !urls.some((u) => old.some((o) => u.endsWith(`/${o}`)));
  }, renamed.map(([old]) => old));
  const kept = await cached(tab);
  // Every file the page uses is kept; of the wasm's two copies only the packed one this browser
  // loads (scripts/pack-wasm.mjs), so a slow line never carries both.
  for (const [, next] of renamed) {
    assert.equal(kept.includes(`/training/quiz/${next}`), !next.endsWith('_bg.wasm'), `${next} kept or not`);
  }
  assert.ok(renamed.some(([, next]) => next.endsWith('_gz.wasm')), 'the build packs the wasm');
  // And it runs from them with the network cut.
  await ctx.setOffline(true);
  const offline = await ctx.newPage();
  await offline.goto(`${server.url}?set=${SET}`);
  await offline.waitForSelector('[data-question]');
  assert.match(await offline.title(), /^v2 /);
  watcher.assertClean();
  await ctx.close();
});

test('a boot.js the browser kept from the version before is not kept as the new one: the new boot.js runs offline', async () => {
  // The version before's boot.js (fixtures/before-packed-wasm/) loads only the plain wasm, which
  // the new version's worker does not keep. It is sent as cacheable for an hour (a server's default
  // for static files may be so), so the browser still holds it when the new version is published.
  const dir = distWith({});
  const bootPath = join(dir, 'boot.js');
  const current = readFileSync(bootPath, 'utf8');
  const before = readFileSync(join(FIXTURES, 'before-packed-wasm', 'boot.js'), 'utf8');
  writeFileSync(bootPath, before);
  const server = await serveWith({ dir, base: '/training/quiz/',
    headers: (file) => (file === 'boot.js' ? { 'Cache-Control': 'max-age=3600' } : {}) });
  servers.push(server);
  const ctx = await browser.newContext();
  await firstVisit(ctx, server.url);
  writeFileSync(bootPath, current);
  const page = await ctx.newPage();
  await page.goto(`${server.url}?set=${SET}`);
  await page.waitForSelector('[data-question]');
  const kept = await page.evaluate(async () => {
    const cache = await caches.open(`credo-quiz ${(await navigator.serviceWorker.ready).scope}`);
    return (await cache.match(new URL('boot.js', location.href)))?.text();
  });
  assert.equal(kept, current, 'the kept boot.js is the new one, not the one the browser held');
  await page.close();
  await ctx.setOffline(true);
  const offline = await ctx.newPage();
  await offline.goto(`${server.url}?set=${SET}`);
  await offline.waitForSelector('[data-question]');
  await ctx.close();
});

test('an office upgrading from the version before the packed wasm: the new worker takes over, and the quiz starts offline', async () => {
  const { dir, server } = await served();
  // The version before (its boot.js and worker are kept in fixtures/before-packed-wasm/): its page
  // named and preloaded only the plain wasm.
  const current = Object.fromEntries(['index.html', 'boot.js', 'sw.js'].map((f) => [f, readFileSync(join(dir, f))]));
  const html = current['index.html'].toString();
  const packed = html.match(/data-wasm-gz=\.\/([^\s>]+)/)?.[1];
  assert.ok(packed, 'the page names its packed wasm');
  const plain = packed.replace('_gz.wasm', '_bg.wasm');
  const integrity = `sha384-${createHash('sha384').update(readFileSync(join(dir, plain))).digest('base64')}`;
  const before = html.replace(` data-wasm-gz=./${packed}`, '')
    .replace(new RegExp(`href=\\./${packed} integrity=sha384-[A-Za-z0-9+/=]+`), `href=./${plain} integrity=${integrity}`);
  assert.ok(!before.includes(packed), 'the page before names no packed wasm');
  writeFileSync(join(dir, 'index.html'), before);
  for (const f of ['boot.js', 'sw.js']) writeFileSync(join(dir, f), readFileSync(join(FIXTURES, 'before-packed-wasm', f)));
  const ctx = await browser.newContext();
  await firstVisit(ctx, server.url);
  // The new version is published; the next visit brings its worker, which keeps the packed copy only.
  for (const [f, bytes] of Object.entries(current)) writeFileSync(join(dir, f), bytes);
  const tab = await ctx.newPage();
  const watcher = watch(tab, server.origin);
  await tab.goto(`${server.url}?set=${SET}`);
  await tab.waitForSelector('[data-question]');
  await tab.waitForFunction(async ([p, b]) => {
    const cache = await caches.open(`credo-quiz ${(await navigator.serviceWorker.ready).scope}`);
    const urls = (await cache.keys()).map((r) => r.url);
    return urls.some((u) => u.endsWith(`/${p}`)) && !urls.some((u) => u.endsWith(`/${b}`));
  }, [packed, plain], { timeout: 20000 });
  await ctx.setOffline(true);
  const offline = await ctx.newPage();
  await offline.goto(`${server.url}?set=${SET}`);
  await offline.waitForSelector('[data-question]');
  watcher.assertClean();
  await ctx.close();
});

test('a set published after the first visit is kept when the manifest next comes, and opens offline', async () => {
  const { dir, server } = await served();
  const ctx = await browser.newContext();
  await firstVisit(ctx, server.url);
  writeFileSync(join(dir, 'questions', 'demo.toml'), readFileSync(new URL('../data/demo-set.toml', import.meta.url), 'utf8'));
  // With its summary, as `quizcheck manifest` writes it: the set list shows it without fetching it.
  appendFileSync(join(dir, 'questions', 'manifest.txt'),
    'demo.toml | id=demo | questions=2 | asked=2 | pass=60 | office=前橋市 | source=前橋市職員クレド | title=デモ\n');
  const page = await ctx.newPage();
  // The first visit's attempt resumes; the set list is one click away.
  await page.goto(server.url);
  await page.waitForSelector('[data-question]');
  await page.click('text=セット一覧に戻る');
  await page.waitForSelector('#set-demo');
  await page.waitForFunction(async () => {
    const cache = await caches.open(`credo-quiz ${(await navigator.serviceWorker.ready).scope}`);
    return Boolean(await cache.match(new URL('questions/demo.toml', location.href).href));
  });
  await ctx.setOffline(true);
  await page.goto(`${server.url}?set=demo`);
  await page.waitForSelector('[data-question]');
  await ctx.close();
});

test('a page that is not the quiz (a maintenance page served with 200) is never kept as the quiz', async () => {
  const { dir, server } = await served();
  const ctx = await browser.newContext();
  await firstVisit(ctx, server.url);
  const quiz = readFileSync(join(dir, 'index.html'), 'utf8');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>メンテナンス中</title><p>ただいまメンテナンス中です。</p>');
  const page = await ctx.newPage();
  await page.goto(`${server.url}?set=${SET}`);
  await page.waitForSelector('text=ただいまメンテナンス中です。');
  await ctx.setOffline(true);
  await page.goto(`${server.url}?set=${SET}`);
  await page.waitForSelector('[data-question]');
  writeFileSync(join(dir, 'index.html'), quiz);
  await ctx.close();
});
