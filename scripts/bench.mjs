// Measures the built dist/ (and the bench/hello floor): file sizes, first-load bytes and time to first question.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const APP_DIST = join(ROOT, 'dist');
const HELLO_DIST = join(ROOT, 'bench/hello/dist');
// The trainer page's bundle (scripts/bench builds it here); employees never load it.
const TRAINER_DIST = join(ROOT, 'target/trainer-dist');
const APP_SET = 'maebashi-credo';
// Fresh loads per page and condition. The CPU-bound conditions vary by tens of ms from load to
// load on this kind of machine (a hello-world median of 5 moved by 40 ms between runs), so they
// take 9, as issue 12's own table did; on the slow line the bytes decide and 5 agree within 1%.
const RUNS = 9;
const LINE_RUNS = 5;
const KB = 1000; // 1 KB = 1000 bytes throughout

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
const kb = (n) => (n / KB).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function table(rows) {
  const head = ['file', 'raw', 'gzip-9', 'brotli-11'];
  const total = ['TOTAL', ...[1, 2, 3].map((i) => rows.reduce((s, r) => s + r[i], 0))];
  const all = [head, ...rows, total].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log([line(all[0]), ...all.slice(1, -1).map(line), '-'.repeat(line(all[0]).length), line(all.at(-1))].join('\n'));
  return total;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

// Others may rebuild dist/ while we measure: work on a copy taken right after our build.
const snapRoot = mkdtempSync(join(tmpdir(), 'bench-'));
function snapshot(dir) {
  const copy = join(snapRoot, relative(ROOT, dir).replaceAll('/', '_'));
  // dist/trainer/ (left by scripts/test) is the trainer's page, not the employee's: it is listed on its own.
  cpSync(dir, copy, { recursive: true, filter: (p) => basename(p) !== '.stage' && p !== join(APP_DIST, 'trainer') });
  return copy;
}

function sizeTable(title, src, dir) {
  console.log(`\n== ${title}: ${relative(ROOT, src)}/ (bytes) ==`);
  table(filesUnder(dir).sort().map((p) => {
    const buf = readFileSync(p);
    return [relative(dir, p), buf.length, gzip(buf), brotli(buf)];
  }));
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

const servers = [];
const served = new Map(); // base URL -> directory
async function serve(dir) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port)], { cwd: dir, stdio: 'ignore' });
  servers.push(child);
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`http.server for ${dir} exited (${child.exitCode})`);
    const up = await fetch(base).then((r) => r.ok, () => false);
    if (up) { served.set(base, dir); return base; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`http.server for ${dir} did not come up`);
}
// The same files from a server that compresses them, as IIS's static compression does once .wasm
// is among its types (docs/embedding.md): gzip -9 whenever the browser asks for it.
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.toml': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };
const compressing = [];
async function serveCompressed(dir) {
  const server = createHttpServer((req, res) => {
    let file = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    let body = readFileSync(file);
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  compressing.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}
const cleanup = () => {
  for (const s of compressing) s.close();
  for (const s of servers) if (s.exitCode === null) s.kill();
  rmSync(snapRoot, { recursive: true, force: true });
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { cleanup(); process.exit(130); });

// The bytes as served: Chromium hands text bodies back re-encoded (a charset-less text/plain is
// decoded as Latin-1), so take our own files from disk and only fall back to the browser's copy.
async function bodyOf(res) {
  const url = new URL(res.url());
  const dir = served.get(`${url.origin}/`);
  if (dir && res.status() === 200) {
    let file = join(dir, decodeURIComponent(url.pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file)) return readFileSync(file);
  }
  return res.body().catch(() => Buffer.alloc(0));
}

// Every response (url, body) of a fresh context from navigation until `selector` is in the DOM.
async function firstLoad(browser, url, selector) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const bodies = [];
  let open = true;
  page.on('response', (res) => {
    const label = res.status() === 200 ? res.url() : `${res.url()} [HTTP ${res.status()}]`;
    if (open) bodies.push(bodyOf(res).then((b) => [label, b]));
  });
  await page.goto(url);
  await page.waitForSelector(selector, { state: 'attached', timeout: 30000 });
  open = false;
  const got = await Promise.all(bodies);
  await ctx.close();
  return got;
}

function reportFirstLoad(title, got) {
  console.log(`\n== first load: ${title} ==`);
  const total = table(got.map(([u, b]) => [u.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''), b.length, gzip(b), brotli(b)]));
  console.log(`${got.length} responses; total raw ${kb(total[1])} KB, gzip ${kb(total[2])} KB, brotli ${kb(total[3])} KB`);
  return total[2];
}

// The conditions each page is timed under, as issue 12 has them: as is, a CPU 4x slower, and an
// office line of 1.5 Mbps with 40 ms round trips (Chromium's own throttling, through CDP).
const slowLine = async (cdp) => {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 40, downloadThroughput: 1.5e6 / 8, uploadThroughput: 1.5e6 / 8 });
};
// The last one serves the same files compressed (both the app and hello), as a server set up per
// docs/embedding.md does; the others serve them as python's http.server does, uncompressed.
const CONDITIONS = [
  ['plain', async () => {}],
  ['CPU 4x slower', async (cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })],
  ['1.5 Mbps, 40 ms RTT', slowLine, 'plain', LINE_RUNS],
  ['1.5 Mbps, 40 ms RTT, the server compresses (gzip)', slowLine, 'compressed', LINE_RUNS],
];

// ms from navigation start until `selector` first matches, recorded in-page by a MutationObserver
// (`shown`), and until the frame that draws it is done (`painted`: a task queued from the next
// animation frame runs after that frame's style, layout and paint, which the employee waits for too).
// The result is read over CDP, awaiting a promise the init script makes: Playwright's own waiting
// (goto until `load`, then waitForFunction) runs its injected script in the page, right after the
// load event, on the main thread the page is still starting on. That cost the app 20 ms and the
// hello-world 5 ms (interleaved, 11 loads each), so it measured the harness as much as the page.
async function timeToShown(browser, url, selector, condition = CONDITIONS[0][1]) {
  const ctx = await browser.newContext();
  await ctx.addInitScript((sel) => {
    window.__measured = new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        mo.disconnect();
        const shown = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve({ shown, painted: performance.now() })));
      });
      mo.observe(document, { childList: true, subtree: true, attributes: true });
    });
  }, selector);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await condition(cdp);
  await page.goto(url, { waitUntil: 'commit' });
  const deadline = Date.now() + 30000;
  for (;;) {
    // Right after the commit the new document may not be the one evaluated yet: ask again.
    const answer = await cdp.send('Runtime.evaluate', { expression: 'window.__measured', awaitPromise: true, returnByValue: true })
      .catch(() => null);
    if (answer?.result?.value) {
      await ctx.close();
      return answer.result.value;
    }
    if (Date.now() > deadline) throw new Error(`${url}: ${selector} not shown within 30 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// A copy of the deep link's first screen as a plain page (its HTML and the app's CSS, no script),
// written beside the snapshot's index.html: the time a browser takes to draw that screen at all,
// so what the app adds to it can be told from the cost of its Japanese text.
const STATIC_PAGE = 'static-first-question.html';
async function writeStaticCopy(browser, url, dir) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-question]');
  const [lang, css, app] = await page.evaluate(() => [document.documentElement.lang,
    document.querySelector('link[rel=stylesheet]').getAttribute('href'), document.getElementById('app').outerHTML]);
  await page.close();
  writeFileSync(join(dir, STATIC_PAGE),
    `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>static copy</title><link rel="stylesheet" href="${css}"><body>${app}</body></html>`);
}

let browser;
try {
  const [appDir, helloDir] = [snapshot(APP_DIST), snapshot(HELLO_DIST)];
  sizeTable('app dist', APP_DIST, appDir);
  sizeTable('hello-world floor dist', HELLO_DIST, helloDir);
  if (existsSync(TRAINER_DIST)) sizeTable('trainer page dist (its own bundle, not part of the first load)', TRAINER_DIST, snapshot(TRAINER_DIST));

  const app = await serve(appDir);
  const hello = await serve(helloDir);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

  const appUrl = `${app}?set=${APP_SET}`;
  const gz = reportFirstLoad(`app, ?set=${APP_SET} until [data-question]`, await firstLoad(browser, appUrl, '[data-question]'));
  const listGz = reportFirstLoad('app, set list / until .set-card h2', await firstLoad(browser, app, '.set-card h2'));
  await writeStaticCopy(browser, appUrl, appDir);
  reportFirstLoad('hello-world until #hello', await firstLoad(browser, hello, '#hello'));
  const verdict = gz <= 100 * KB ? 'within goal' : gz <= 120 * KB ? 'within budget, over goal' : 'OVER BUDGET';
  console.log(`\nfirst-load gzip ${kb(gz)} KB (budget 120 KB this round, goal 100 KB): ${verdict}`);
  const listOver = listGz - gz;
  console.log(`set list first load: ${kb(listGz)} KB gzip, ${listOver >= 0 ? '+' : ''}${kb(listOver)} KB against the deep link ` +
    `(budget: at most +5 KB): ${listOver <= 5 * KB ? 'within budget' : 'OVER BUDGET'}`);

  // BENCH_BYTES_ONLY=1 stops here: the byte figures alone, for trying a size change quickly.
  const timed = !process.env.BENCH_BYTES_ONLY;

  // Each condition: the deep link, the set list and hello alternate, so drift on the machine hits all alike.
  const pagesOf = (appBase, helloBase) => [
    ['app deep link [data-question]', `${appBase}?set=${APP_SET}`, '[data-question]'],
    ['app set list .set-card h2    ', appBase, '.set-card h2'],
    ['hello #hello                 ', helloBase, '#hello'],
    ['static copy of the question  ', `${appBase}${STATIC_PAGE}`, '[data-question]'],
  ];
  const pagesBy = { plain: pagesOf(app, hello), compressed: timed && pagesOf(await serveCompressed(appDir), await serveCompressed(helloDir)) };
  const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  for (const [name, condition, how = 'plain', runsOf = RUNS] of timed ? CONDITIONS : []) {
    const pages = pagesBy[how];
    const runs = pages.map(() => []);
    for (let i = 0; i < runsOf; i++) {
      for (const [j, [, url, selector]] of pages.entries()) runs[j].push(await timeToShown(browser, url, selector, condition));
    }
    console.log(`\n== time to first shown, ${name} (ms from navigation start, fresh context each, ${runsOf} runs) ==`);
    for (const moment of ['shown', 'painted']) {
      const ms = runs.map((r) => r.map((m) => m[moment]));
      console.log(`-- ${moment === 'shown' ? 'in the DOM' : 'painted (its frame done)'}:`);
      pages.forEach(([label], j) => console.log(`${label}: median ${median(ms[j]).toFixed(0)} ms  (runs: ${fmt(ms[j])})`));
      const [a, l, h, c] = ms.map(median);
      console.log(`ratio deep link/hello ${(a / h).toFixed(2)}x (budget: within 2.0x): ${a / h <= 2 ? 'within budget' : 'OVER BUDGET'}; ` +
        `set list/hello ${(l / h).toFixed(2)}x; static copy/hello ${(c / h).toFixed(2)}x, deep link/static copy ${(a / c).toFixed(2)}x`);
    }
  }
  if (timed && existsSync(TRAINER_DIST)) {
    const trainer = await serve(snapshot(TRAINER_DIST));
    await trainerAtScale(browser, trainer);
    await formAtScale(browser, trainer);
  }
} finally {
  await browser?.close();
  cleanup();
}

// A set of `n` scenario questions, as a trainer might paste from a generator or a large Excel file.
function bigSet(n) {
  const words = '窓口 電話 予算 議会 災害 広報 自治会 係長 新人 資料 説明 申請 相談 会議 調整 改善 提案 市民 職員 課題'.split(' ');
  const ids = ['shimin', 'team', 'mirai', 'sonchou'];
  const lines = ['id = "big"', 'title = "大きなセット"', 'pass_mark = 70', '[source]', 'office = "前橋市"', 'title = "クレド"'];
  for (const p of ids) lines.push('[[principles]]', `id = "${p}"`, `label = "${p} の原則"`, 'summary = "説明。"');
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < n; i++) {
    const text = Array.from({ length: 12 }, () => words[next() % words.length]).join('') + '。';
    lines.push('[[questions]]', `id = "q${i}"`, 'kind = "scenario"', 'difficulty = "初級"', `text = "${text}"`,
      `answer = "${ids[next() % 4]}"`, 'explanation = "解説。"', 'quote = "引用。"');
  }
  return lines.join('\n') + '\n';
}

// The trainer page with a 10,000-question set pasted in: the time until its check is shown, and
// the time a keystroke takes to be rendered while the set is open (medians).
async function trainerAtScale(browser, base) {
  const n = 10000;
  const text = bigSet(n);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base);
  await page.waitForSelector('#draft-text');
  const checkMs = await page.evaluate(async (t) => {
    const area = document.getElementById('draft-text');
    const start = performance.now();
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const status = () => document.getElementById('problems-status').textContent;
    const until = async (ok) => { while (!ok(status())) await new Promise((r) => setTimeout(r, 5)); };
    // The typed text is shown as being checked, then its check: the problems or "none found".
    await until((s) => /確認中/.test(s));
    await until((s) => !/確認中/.test(s));
    return performance.now() - start;
  }, text);
  const keyMs = [];
  for (let i = 0; i < 7; i++) {
    keyMs.push(await page.evaluate(async (k) => {
      const area = document.getElementById('draft-text');
      const start = performance.now();
      area.value = area.value.replace(/。\n$/, `${k}。\n`);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - start;
    }, 'あ'));
  }
  await ctx.close();
  console.log(`\n== trainer page, a pasted set of ${n} questions (${kb(Buffer.byteLength(text))} KB) ==`);
  console.log(`pasted until its check is shown: ${checkMs.toFixed(0)} ms`);
  console.log(`a keystroke until rendered: median ${median(keyMs).toFixed(0)} ms (runs: ${keyMs.map((x) => x.toFixed(0)).join(', ')})`);
}

// The trainer page's form view over a 300-question set (issue 14): the time a keystroke in a
// question's text takes to be rendered (each one rewrites the set's text and reads the form back).
async function formAtScale(browser, base) {
  const n = 300;
  const text = bigSet(n);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base);
  await page.waitForSelector('#draft-text');
  await page.evaluate((t) => {
    const area = document.getElementById('draft-text');
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.click('#view-form');
  await page.selectOption('#form-question-pick', String(n / 2));
  await page.waitForSelector('#form-q-text');
  const keyMs = [];
  for (let i = 0; i < 9; i++) {
    keyMs.push(await page.evaluate(async (k) => {
      const field = document.getElementById('form-q-text');
      const start = performance.now();
      field.value += k;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - start;
    }, 'あ'));
  }
  const arrived = (await page.inputValue('#form-q-text')).endsWith('あ'.repeat(9));
  await ctx.close();
  console.log(`\n== trainer page, the form view over a set of ${n} questions (${kb(Buffer.byteLength(text))} KB) ==`);
  console.log(`a keystroke in a question's text until rendered: median ${median(keyMs).toFixed(0)} ms (runs: ${keyMs.map((x) => x.toFixed(0)).join(', ')})${arrived ? '' : ' (KEYSTROKES LOST)'}`);
}
