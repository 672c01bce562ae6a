// End to end, cross-origin: the quiz in a host page's iframe: height, events, foreign messages, H5P's
// resizer protocol, separate progress, a sub-path under a strict Content-Security-Policy, bad parameters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, freePort, serveWith, launch, watch, assertAccessible } from './support.mjs';

const BASE = '/training/quiz/';
let app, host, foreign, browser, hostOrigin;

/** The CSP an office would set for the quiz: no inline script, wasm allowed, framed only by the portal. */
const csp = (portal) => [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", `frame-ancestors 'self' ${portal}`,
].join('; ');

/** Serves host pages (name → body HTML) on the portal's port, replacing the previous ones. */
async function servePages(pages) {
  await host?.close();
  const dir = mkdtempSync(join(tmpdir(), 'credo-quiz-host-'));
  cpSync(join(ROOT, 'tests/e2e/host'), dir, { recursive: true });
  for (const [name, body] of Object.entries(pages)) {
    writeFileSync(join(dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
<link rel="icon" href="data:,"><script src="log.js"></script></head><body><main>${body}</main></body></html>`);
  }
  host = await serveWith({ dir, port: Number(new URL(hostOrigin).port) });
}

async function open(page = 'index.html') {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const watcher = watch(tab, [hostOrigin, app.origin, foreign.origin]);
  await tab.goto(`${hostOrigin}/${page}`);
  return { ctx, tab, watcher };
}

const quiz = (query, id = 'quiz', title = '研修クイズ') =>
  `<iframe id="${id}" title="${title}" style="width:100%;height:200px;border:0" src="${app.url}?${query}"></iframe>`;
const hostScript = () => `<script src="${app.url}embed.js"></script>`;
const quizFrame = (tab, id = 'quiz') => tab.frameLocator(`#${id}`);
const quizWindow = (tab, n = 0) => tab.frames().filter((f) => f.url().startsWith(app.url))[n];
const received = (tab) => tab.evaluate(() => window.received.filter((m) => m.data?.type === 'credo-quiz'));
const named = async (tab, name) => (await received(tab)).filter((m) => m.data.event === name).map((m) => m.data);

async function answer(frame) {
  await frame.locator('#option-0').click();
  await frame.locator('button[type=submit]').click();
  await frame.locator('.feedback button').waitFor();
}

async function heights(tab, id = 'quiz') {
  const iframe = Number.parseInt(await tab.locator(`#${id}`).evaluate((f) => f.style.height), 10);
  const content = await quizWindow(tab).evaluate(() => Math.ceil(document.getElementById('app').getBoundingClientRect().height));
  return { iframe, content };
}

before(async () => {
  browser = await launch();
  hostOrigin = `http://127.0.0.1:${await freePort()}`;
  app = await serveWith({ base: BASE, headers: { 'Content-Security-Policy': csp(hostOrigin) } });
  const foreignDir = mkdtempSync(join(tmpdir(), 'credo-quiz-foreign-'));
  cpSync(join(ROOT, 'tests/e2e/host'), foreignDir, { recursive: true });
  writeFileSync(join(foreignDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Foreign</title>
<link rel="icon" href="data:,"></head><body><script src="foreign.js"></script></body></html>`);
  foreign = await serveWith({ dir: foreignDir });
});
after(async () => { await browser?.close(); await app?.close(); await host?.close(); await foreign?.close(); });

test('cross-origin, from a sub-path under a strict CSP: the height follows the content and events arrive from the app origin', async () => {
  const query = `set=maebashi-credo&embed=1&count=3&seed=7&pass=0&origin=${encodeURIComponent(hostOrigin)}`;
  await servePages({ 'index.html': quiz(query) + hostScript() });
  const { ctx, tab, watcher } = await open();
  const frame = quizFrame(tab);
  await frame.locator('[data-question]').waitFor();
  await tab.waitForFunction(() => document.getElementById('quiz').style.height !== '200px');
  let h = await heights(tab);
  assert.equal(h.iframe, h.content, 'the frame is as tall as the question');
  assert.equal(await frame.locator('.app-header').count(), 0, 'no navigation of its own when embedded');

  await answer(frame);
  await tab.waitForFunction((b) => Number.parseInt(document.getElementById('quiz').style.height, 10) > b, h.iframe);
  h = await heights(tab);
  assert.equal(h.iframe, h.content, 'and grows with the feedback');
  await frame.locator('.feedback button').click();
  for (let i = 1; i < 3; i++) {
    await answer(frame);
    await frame.locator('.feedback button').click();
  }
  await frame.locator('#result-heading').waitFor();
  await tab.waitForFunction(() => window.received.some((m) => m.data?.event === 'completed'));

  assert.ok((await received(tab)).every((m) => m.origin === app.origin), 'every message comes from the app origin');
  assert.deepEqual(await named(tab, 'started'), [{ type: 'credo-quiz', event: 'started', set: 'maebashi-credo', total: 3 }]);
  const answered = await named(tab, 'answered');
  assert.deepEqual(answered.map((a) => a.position), [1, 2, 3]);
  assert.ok(answered.every((a) => typeof a.correct === 'boolean' && typeof a.question === 'string' && a.total === 3));
  const [completed] = await named(tab, 'completed');
  assert.equal(completed.max, 3);
  assert.equal(completed.score, answered.filter((a) => a.correct).length, 'the score counts the right answers');
  assert.equal(completed.passed, true, 'pass=0 replaces the pass mark');
  assert.equal(completed.principles.reduce((n, p) => n + p.total, 0), 3, 'per-principle totals add up');
  await assertAccessible(quizWindow(tab), 'embedded result');
  watcher.assertClean();
  await ctx.close();
});

test('messages from a foreign origin change nothing; the same message from the host page is answered', async () => {
  const query = `set=susono-mission&embed=1&count=2&origin=${encodeURIComponent(hostOrigin)}`;
  await servePages({ 'index.html': quiz(query) + `<iframe id="foreign" title="other" src="${foreign.origin}/index.html"></iframe>` });
  const { ctx, tab, watcher } = await open();
  const frame = quizFrame(tab);
  await frame.locator('[data-question]').waitFor();
  await tab.waitForFunction(() => window.received.some((m) => m.data?.event === 'resize'));
  await tab.waitForTimeout(300);
  const progress = await frame.locator('#progress-label').textContent();
  const count = (await received(tab)).length;

  // The foreign frame (another origin) asks the quiz for its height and pretends to be H5P.
  await tab.evaluate(() => document.getElementById('foreign').contentWindow.postMessage('go', '*'));
  await tab.waitForTimeout(700);
  assert.equal((await received(tab)).length, count, 'no answer to a foreign origin');
  assert.equal(await frame.locator('#progress-label').textContent(), progress);

  // The host page itself may ask.
  await tab.evaluate(() => document.getElementById('quiz').contentWindow.postMessage({ type: 'credo-quiz', command: 'height' }, '*'));
  await tab.waitForFunction((n) => window.received.filter((m) => m.data?.type === 'credo-quiz').length > n, count);
  watcher.assertClean();
  await ctx.close();
});

test("a page using H5P's resizer protocol sizes the frame with no script of ours", async () => {
  const query = `set=tokorozawa-action-goals&embed=1&count=2&origin=${encodeURIComponent(hostOrigin)}`;
  await servePages({ 'index.html': quiz(query) + '<script src="h5p-protocol.js"></script>' });
  const { ctx, tab, watcher } = await open();
  await quizFrame(tab).locator('[data-question]').waitFor();
  await tab.waitForFunction(() => !['200px', '1px', ''].includes(document.getElementById('quiz').style.height));
  const h = await heights(tab);
  assert.equal(h.iframe, h.content);
  await answer(quizFrame(tab));
  await tab.waitForFunction((b) => Number.parseInt(document.getElementById('quiz').style.height, 10) > b, h.iframe);
  watcher.assertClean();
  await ctx.close();
});

// Issue 9.18: on a portal of another origin with the documented snippet (no origin=), the quiz
// posted nothing and the frame stayed at its initial height. Heights (a number and nothing else)
// go to the framing page's origin whatever the allow-list; events, which carry answers and
// scores, still go only to allowed origins.
test("the plain snippet on a portal of another origin: H5P's resizer and embed.js size the frame, and no events leave", async () => {
  const query = 'set=tokorozawa-action-goals&embed=1&count=2';
  for (const script of ['<script src="h5p-protocol.js"></script>', hostScript()]) {
    await servePages({ 'index.html': quiz(query) + script });
    const { ctx, tab, watcher } = await open();
    await quizFrame(tab).locator('[data-question]').waitFor();
    await tab.waitForFunction(() => !['200px', '1px', ''].includes(document.getElementById('quiz').style.height));
    const h = await heights(tab);
    assert.equal(h.iframe, h.content, script);
    await answer(quizFrame(tab));
    await tab.waitForFunction((b) => Number.parseInt(document.getElementById('quiz').style.height, 10) > b, h.iframe);
    const events = (await received(tab)).map((m) => m.data.event).filter((e) => e !== 'resize');
    assert.deepEqual(events, [], 'answers and scores stay inside the frame without origin= or config.toml');
    watcher.assertClean();
    await ctx.close();
  }
});

test('two quizzes on one page, and one set on two pages, keep separate progress across a reload', async () => {
  const q = (extra) => `set=maebashi-credo&embed=1&count=3&seed=1${extra}`;
  await servePages({
    'index.html': quiz(q('&id=left'), 'left', '左') + quiz(q('&id=right'), 'right', '右') + hostScript(),
    // As the snippet page writes them: every pasted snippet carries its own id.
    'other.html': quiz(q('&id=maebashi-credo-k3x9'), 'quiz') + hostScript(),
    'third.html': quiz(q('&id=maebashi-credo-p2m4'), 'quiz') + hostScript(),
  });
  const { ctx, tab, watcher } = await open('index.html');
  const left = quizFrame(tab, 'left');
  const right = quizFrame(tab, 'right');
  await left.locator('[data-question]').waitFor();
  await right.locator('[data-question]').waitFor();
  await answer(left);
  await left.locator('.feedback button').click();
  await answer(left);
  await left.locator('.feedback button').click();
  await answer(right);
  await right.locator('.feedback button').click();
  await left.locator('text=問題 3 / 3').waitFor();
  await right.locator('text=問題 2 / 3').waitFor();

  await tab.reload();
  await quizFrame(tab, 'left').locator('text=問題 3 / 3').waitFor();
  await quizFrame(tab, 'right').locator('text=問題 2 / 3').waitFor();

  // The same set on two pages: each page keeps its own attempt.
  await tab.goto(`${hostOrigin}/other.html`);
  await answer(quizFrame(tab));
  await quizFrame(tab).locator('.feedback button').click();
  await quizFrame(tab).locator('text=問題 2 / 3').waitFor();
  await tab.goto(`${hostOrigin}/third.html`);
  await quizFrame(tab).locator('text=問題 1 / 3').waitFor();
  await tab.goto(`${hostOrigin}/other.html`);
  await quizFrame(tab).locator('text=問題 2 / 3').waitFor();
  watcher.assertClean();
  await ctx.close();
});

test('bad embed parameters give a plain message in the frame, not a blank frame', async () => {
  await servePages({ 'index.html': quiz('set=maebashi-credo&embed=1&count=abc&lang=fr&cuont=5') + hostScript() });
  const { ctx, tab } = await open();
  const frame = quizFrame(tab);
  await frame.locator('.param-problems').waitFor();
  const text = await frame.locator('.param-problems').textContent();
  for (const bad of ['count=abc', 'lang=fr', 'cuont=5']) assert.ok(text.includes(bad), `${bad} in: ${text}`);
  assert.equal(await frame.locator('[data-question]').count(), 0, 'nothing starts with wrong settings');
  await assertAccessible(quizWindow(tab), 'bad parameters');
  await ctx.close();
});

test('a theme by parameter restyles the quiz and keeps its contrast', async () => {
  await servePages({ 'index.html': quiz('set=abeno-staff-plan&embed=1&count=1&theme=dark') + hostScript() });
  const { ctx, tab, watcher } = await open();
  const frame = quizFrame(tab);
  await frame.locator('[data-question]').waitFor();
  const window_ = quizWindow(tab);
  await window_.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(22, 24, 29)');
  await assertAccessible(window_, 'dark theme question');
  await answer(frame);
  await assertAccessible(window_, 'dark theme feedback');
  watcher.assertClean();
  await ctx.close();
});

test('the shipped demo page shows two quizzes, a snippet and the events it receives', async () => {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const watcher = watch(tab, app.origin);
  await tab.goto(`${app.url}embed-demo.html`);
  await tab.frameLocator('#quiz-a').locator('[data-question]').waitFor();
  await tab.frameLocator('#quiz-b').locator('[data-question]').waitFor();
  await tab.waitForFunction(() => document.getElementById('snippet').value.includes('embed.js'));
  const snippet = await tab.inputValue('#snippet');
  assert.match(snippet, /<iframe src="[^"]+\?set=[\w-]+&amp;embed=1&amp;id=[\w-]+"/);
  assert.match(snippet, /title="研修クイズ: 前橋市職員クレド"/, "the iframe has the set's title for screen readers");
  await answer(tab.frameLocator('#quiz-a'));
  await tab.locator('#event-log li', { hasText: '"answered"' }).first().waitFor();
  const log = await tab.locator('#event-log').textContent();
  assert.match(log, /quiz-a: .*"started"/);
  assert.match(log, /quiz-b: .*"started"/);
  await assertAccessible(tab, 'embed demo page');
  watcher.assertClean();
  await ctx.close();
});
