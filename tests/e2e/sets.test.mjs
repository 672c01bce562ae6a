// End to end over the shipped content: a deep link loads only its own set, and every set runs to its result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DIST, ROOT, serve, serveWith, launch, watch } from './support.mjs';

const manifest = readFileSync(join(ROOT, 'questions/manifest.txt'), 'utf8')
  .split('\n').map((l) => l.split('|')[0].trim()).filter((l) => l && !l.startsWith('#'));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('?set= opens that set at once and fetches no other set; the set list shows them all from the manifest', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const watcher = watch(page, server.origin);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/questions/')) fetched.push(r.url().split('/questions/')[1]); });
  await page.goto(server.origin + '/?set=susono-mission&count=5');
  await page.waitForSelector('[data-question]');
  assert.match(await page.textContent('#progress-label'), /1 \/ 5$/);
  assert.deepEqual(fetched.sort(), ['manifest.txt', 'susono-mission.toml']);
  await page.click('text=セット一覧に戻る');
  await page.waitForFunction((n) => document.querySelectorAll('.set-card h2').length === n, manifest.length);
  assert.equal(await page.locator('text=続きから').count(), 1, 'the attempt left behind can be resumed');
  // Issue 12.1: the manifest's summaries make the cards; a set is fetched when it is opened.
  assert.deepEqual(fetched.sort(), ['manifest.txt', 'susono-mission.toml']);
  await page.click('#set-maebashi-credo ~ .actions button:has-text("原則を読む")');
  await page.waitForSelector('.study');
  assert.deepEqual(fetched.sort(), ['maebashi-credo.toml', 'manifest.txt', 'susono-mission.toml']);
  watcher.assertClean();
  await ctx.close();
});

// Holds back the responses to `pattern` until the function returned is called.
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

// Records in window.__screens what #app holds after each change, repeats dropped: the HTML's
// boot line, nothing (the app took it over), the question, or some other screen of the app.
function recordScreens(ctx) {
  return ctx.addInitScript(() => {
    window.__screens = [];
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (!app) return;
      const now = app.querySelector('[data-question]') ? 'question' : app.querySelector(':scope > .boot') ? 'boot'
        : !app.childElementCount ? 'nothing' : `other: ${app.textContent.slice(0, 80)}`;
      // The parser may insert #app before its boot line: the record starts at the boot line.
      if (!window.__screens.length && now !== 'boot') return;
      if (window.__screens.at(-1) !== now) window.__screens.push(now);
    }).observe(document, { childList: true, subtree: true });
  });
}

for (const cpu of [1, 4]) {
  test(`a deep link's first screen is its question, with no loading screen before it (CPU ${cpu}x slower)`, async () => {
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    await recordScreens(ctx);
    const page = await ctx.newPage();
    await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const watcher = watch(page, server.origin);
    await page.goto(server.origin + '/?set=maebashi-credo');
    await page.waitForSelector('[data-question]');
    assert.deepEqual(await page.evaluate(() => window.__screens), ['boot', 'nothing', 'question']);
    watcher.assertClean();
    await ctx.close();
  });
}

/** The deep link's first question, the names of the .wasm files the page asked for, and its watcher. */
async function openRecordingWasm(ctx, origin) {
  const page = await ctx.newPage();
  const watcher = watch(page, origin);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await page.goto(origin + '/?set=maebashi-credo');
  await page.waitForSelector('[data-question]');
  return { page, wasm, watcher };
}

/** The built wasm's two copies in dist/: the plain module and its gzip-packed copy. */
function builtWasm() {
  const files = readdirSync(DIST);
  return { plain: files.find((f) => f.endsWith('_bg.wasm')), packed: files.find((f) => f.endsWith('_gz.wasm')) };
}

test('the packed wasm is the plain module, gzipped smaller than zlib at its best (zopfli)', () => {
  const { plain, packed } = builtWasm();
  const [module, gzip] = [plain, packed].map((f) => readFileSync(join(DIST, f)));
  assert.ok(gunzipSync(gzip).equals(module), `${packed} unpacks to ${plain}`);
  const zlib = gzipSync(module, { level: 9 }).length;
  assert.ok(gzip.length < zlib, `${packed}: ${gzip.length} bytes, zlib -9: ${zlib}`);
});

test('the wasm comes packed, less than half its size, from a plain server and from a compressing one, asked for once', async () => {
  const { plain, packed } = builtWasm();
  assert.ok(plain && packed, 'dist/ has the wasm and its packed copy');
  const size = (f) => readFileSync(join(DIST, f)).length;
  assert.ok(size(packed) < size(plain) / 2, `${packed} ${size(packed)} bytes, ${plain} ${size(plain)}`);
  const compressing = await serveWith({ compress: true });
  try {
    for (const origin of [server.origin, compressing.origin]) {
      const ctx = await browser.newContext({ serviceWorkers: 'block' });
      const { wasm, watcher } = await openRecordingWasm(ctx, origin);
      // The preload link and boot.js's fetch are one request (a mismatch would be two).
      assert.deepEqual(wasm, [packed], origin);
      watcher.assertClean();
      await ctx.close();
    }
  } finally {
    await compressing.close();
  }
});

test('a browser that cannot unpack the wasm starts from the plain file', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  await ctx.addInitScript(() => { delete window.DecompressionStream; });
  const { wasm } = await openRecordingWasm(ctx, server.origin);
  // The page's preload link still asks for the packed copy; boot.js then takes the plain one.
  const { plain, packed } = builtWasm();
  assert.deepEqual(wasm.sort(), [plain, packed].sort());
  await ctx.close();
});

test('the packed wasm arriving unpacked (taken off on the way) still starts the app', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const plain = readFileSync(join(DIST, builtWasm().plain));
  await ctx.route('**/*_gz.wasm', (route) => route.fulfill({ body: plain, contentType: 'application/wasm' }));
  // The preload's integrity check refuses these bytes (a console error); boot.js's own fetch takes
  // them as they are, without falling back to the plain file.
  const { page, wasm } = await openRecordingWasm(ctx, server.origin);
  assert.ok(await page.isVisible('[data-question]'));
  assert.ok(wasm.length && wasm.every((f) => f.endsWith('_gz.wasm')), `asked for ${wasm}`);
  await ctx.close();
});

test('a set that is slow to come does not hold the app back: it starts, says it is loading and asks for it once', async () => {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const watcher = watch(page, server.origin);
  const release = await holdBack(page, '**/questions/maebashi-credo.toml');
  let asked = 0;
  page.on('request', (r) => { if (r.url().endsWith('/questions/maebashi-credo.toml')) asked += 1; });
  await page.goto(server.origin + '/?set=maebashi-credo');
  // boot.js waits two seconds at most for the set; then the app's own loading line shows.
  await page.waitForSelector('#main [role=status]:has-text("読み込み中")', { timeout: 10000 });
  release();
  await page.waitForSelector('[data-question]');
  assert.equal(asked, 1, 'the app took over the fetch boot.js started, and asked for the set once');
  watcher.assertClean();
  await ctx.close();
});

test('a card shown from the manifest says it is loading while its set is fetched to open it', async () => {
  // Without the service worker, so the page's own route holds the set's response back a moment.
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const watcher = watch(page, server.origin);
  const release = await holdBack(page, '**/questions/fujieda-management-plan.toml');
  await page.goto(server.origin + '/');
  await page.waitForFunction((n) => document.querySelectorAll('.set-card h2').length === n, manifest.length);
  await page.click('#set-fujieda-management-plan ~ .actions button:has-text("はじめる")');
  await page.waitForSelector('#set-fujieda-management-plan ~ .opening');
  assert.match(await page.textContent('#set-fujieda-management-plan ~ .opening'), /読み込み中/);
  release();
  await page.waitForSelector('[data-question]');
  watcher.assertClean();
  await ctx.close();
});

test('an unknown ?set= says so plainly and shows the set list', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const watcher = watch(page, server.origin);
  await page.goto(server.origin + '/?set=no-such-set');
  await page.waitForSelector('.notices');
  assert.match(await page.textContent('.notices'), /指定された問題セットが見つかりません: no-such-set/);
  await page.waitForFunction((n) => document.querySelectorAll('.set-card h2').length === n, manifest.length);
  watcher.assertClean();
  await ctx.close();
});

for (const file of manifest) {
  const id = file.replace(/\.toml$/, '');
  test(`every question of ${id} shows, takes an answer and gives feedback with its quote`, async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const watcher = watch(page, server.origin);
    await page.goto(`${server.origin}/?set=${id}&count=1000`);
    await page.waitForSelector('[data-question]');
    const total = Number((await page.textContent('#progress-label')).split('/')[1]);
    assert.ok(total >= 30, `${id} has ${total} questions`);
    const seen = new Set();
    for (let i = 1; i <= total; i++) {
      seen.add(await page.getAttribute('[data-question]', 'data-question'));
      await page.click('#option-0');
      await page.click('button[type=submit]');
      await page.waitForSelector('.quote');
      assert.ok((await page.textContent('.explanation')).length > 20);
      await page.click('.feedback button');
    }
    await page.waitForSelector('#result-heading');
    assert.equal(seen.size, total, 'no question asked twice');
    watcher.assertClean();
    await ctx.close();
  });
}
