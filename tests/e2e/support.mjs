// Shared end-to-end machinery: serve a folder on 127.0.0.1, drive Debian chromium, collect errors, run axe.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Serves `dir` with Python's static server, which sends .wasm as application/wasm. */
export async function serve(dir = DIST) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port)], { cwd: dir, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(origin + '/')).ok) break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  return { origin, close: () => child.kill() };
}

/** A copy of dist/ with extra files written into questions/ and their names added to the manifest. */
export function distWith(files) {
  const dir = mkdtempSync(join(tmpdir(), 'credo-quiz-dist-'));
  cpSync(DIST, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, 'questions', name), text);
    appendFileSync(join(dir, 'questions', 'manifest.txt'), `${name}\n`);
  }
  return dir;
}

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}

/** A browser profile whose policy blocks all site data, as a locked-down office PC does:
 *  localStorage then throws SecurityError. */
export async function launchBlocked() {
  const dir = mkdtempSync(join(tmpdir(), 'credo-quiz-blocked-'));
  cpSync(join(ROOT, 'tests/e2e/blocked-profile'), dir, { recursive: true });
  return chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ARGS });
}

/** Watches a page (and its frames) for script errors, console errors and any request to a host
 *  other than the given origin(s). */
export function watch(page, origins) {
  const allowed = [].concat(origins);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => {
    const url = r.url();
    if (!allowed.some((o) => url.startsWith(o + '/')) && !url.startsWith('data:')) problems.push(`off-host request: ${url}`);
  });
  return { assertClean: () => assert.deepEqual(problems, []) };
}

/** Runs axe-core on the current screen and fails on any violation, naming rule and nodes. */
export async function assertAccessible(page, screen) {
  // Evaluated rather than added as a script tag: the app's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(violations, [], `axe on ${screen}`);
}

/** Presses Tab until the focused element matches `selector`; keyboard users have nothing else. */
export async function tabTo(page, selector) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** Answers the current question by keyboard: Tab into the radio group, arrow `moves` times,
 *  Space to choose, Enter to submit. Returns the question id. */
export async function answerByKeyboard(page, moves = 0) {
  const id = await page.getAttribute('[data-question]', 'data-question');
  await tabTo(page, 'input[type=radio]');
  for (let i = 0; i < moves; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#feedback-heading');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'feedback-heading', 'focus moves to the feedback');
  return id;
}

/** From feedback to the next question (or the result) by keyboard. */
export async function nextByKeyboard(page) {
  await tabTo(page, '.feedback button');
  await page.keyboard.press('Enter');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.toml': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json' };

/** Serves `dir` under the path `base` (e.g. '/training/quiz/') with extra response headers, such as
 *  a Content-Security-Policy, as an intranet server configured by the office would (`headers` may
 *  also be a function of the file's path, for one file's own); with `compress`, every response
 *  gzipped for a browser that accepts it, as IIS's static compression does. */
export async function serveWith({ dir = DIST, base = '/', headers = {}, port = 0, compress = false } = {}) {
  const { gzipSync } = await import('node:zlib');
  const { createServer: createHttp } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { extname, normalize } = await import('node:path');
  const server = createHttp(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end(); return; }
    let rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '.' || rel === '') rel = 'index.html';
    else if (rel.endsWith('/')) rel += 'index.html';
    try {
      const body = await readFile(join(dir, rel));
      const gzip = compress && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, { 'Content-Type': TYPES[extname(rel)] ?? 'application/octet-stream',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), ...(typeof headers === 'function' ? headers(rel) : headers) });
      res.end(gzip ? gzipSync(body) : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + base, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}
