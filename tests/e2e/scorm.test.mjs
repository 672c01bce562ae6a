// A SCORM 1.2 package made by `quizcheck scorm`, imported into a stand-in LMS page that runs a real SCORM run-time
// (scorm-again): the manifest has what SCORM 1.2 requires, the quiz finds the API in its parent frame and records the
// score, the status, each answer as an interaction, and the attempt in cmi.suspend_data to resume on another computer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launch, serveWith, watch } from './support.mjs';

let dir;
let server;
let browser;
let href;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credo-quiz-scorm-'));
  const zip = join(dir, 'demo-scorm.zip');
  execFileSync('cargo', ['run', '--quiet', '-p', 'quizcheck', '--', 'scorm', 'tests/data/demo-set.toml', '--app', 'dist', '-o', zip],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  // What an LMS does on import: unpack it into a folder of its own.
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, join(dir, 'pkg')]);
  for (const f of ['scorm-host.html', 'scorm-host.js']) copyFileSync(join(ROOT, 'tests/e2e/fixtures', f), join(dir, f));
  copyFileSync(join(ROOT, 'node_modules/scorm-again/dist/scorm12.js'), join(dir, 'scorm-again.js'));
  server = await serveWith({ dir });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the package manifest has the elements SCORM 1.2 requires and lists every file', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/scorm-host.html`);
  const xml = readFileSync(join(dir, 'pkg/imsmanifest.xml'), 'utf8');
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
    const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
    const one = (name) => doc.getElementsByTagNameNS(CP, name)[0];
    const all = (name) => [...doc.getElementsByTagNameNS(CP, name)];
    const ids = [...doc.querySelectorAll('[identifier]')].map((e) => e.getAttribute('identifier'));
    const organizations = one('organizations');
    const organization = all('organization').find((o) => o.getAttribute('identifier') === organizations.getAttribute('default'));
    const item = organization?.getElementsByTagNameNS(CP, 'item')[0];
    const resource = all('resource').find((r) => r.getAttribute('identifier') === item?.getAttribute('identifierref'));
    return {
      wellFormed: !doc.querySelector('parsererror'),
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      identifier: /^[A-Za-z_][\w.-]*$/.test(doc.documentElement.getAttribute('identifier') ?? ''),
      schema: `${one('schema')?.textContent} ${one('schemaversion')?.textContent}`,
      uniqueIds: new Set(ids).size === ids.length,
      titles: [organization, item].map((e) => e?.getElementsByTagNameNS(CP, 'title')[0]?.textContent),
      type: resource?.getAttribute('type'),
      scormtype: resource?.getAttributeNS(ADLCP, 'scormtype'),
      href: resource?.getAttribute('href'),
      files: [...(resource?.getElementsByTagNameNS(CP, 'file') ?? [])].map((f) => f.getAttribute('href')),
    };
  }, xml);
  assert.deepEqual(
    { ...found, files: undefined },
    {
      wellFormed: true,
      root: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2 manifest',
      identifier: true,
      schema: 'ADL SCORM 1.2',
      uniqueIds: true,
      titles: ['デモ', 'デモ'],
      type: 'webcontent',
      scormtype: 'sco',
      href: 'index.html?set=demo&embed=1',
      files: undefined,
    },
  );
  const packaged = execFileSync('python3', ['-m', 'zipfile', '-l', join(dir, 'demo-scorm.zip')]).toString();
  for (const file of found.files) {
    assert.ok(!/^(\/|[a-z]+:)|\.\./.test(file), `relative: ${file}`);
    assert.ok(packaged.includes(file), `${file} is in the zip`);
  }
  for (const needed of ['index.html', 'boot.js', 'report.js', 'questions/manifest.txt', 'questions/demo.toml']) {
    assert.ok(found.files.includes(needed), `${needed} listed`);
  }
  assert.ok(found.files.some((f) => f.endsWith('.wasm')), 'the wasm listed');
  assert.ok(!found.files.some((f) => f.startsWith('trainer/')), 'no trainer page');
  href = found.href;
  await page.close();
});

/** The stand-in LMS with the package launched in its frame; `cmi` preloads the LMS's data (a resume). */
async function openInLms(context, cmi) {
  const page = await context.newPage();
  const w = watch(page, server.origin);
  const query = new URLSearchParams({ launch: `pkg/${href}` });
  if (cmi) query.set('cmi', JSON.stringify(cmi));
  await page.goto(`${server.origin}/scorm-host.html?${query}`);
  const sco = page.frameLocator('#sco');
  await sco.locator('[data-question]').waitFor();
  return { page, sco, w };
}

async function answerFirst(sco) {
  const id = await sco.locator('[data-question]').getAttribute('data-question');
  await sco.locator('#option-0').click();
  await sco.locator('#main button[type=submit]').click();
  await sco.locator('.feedback button').click();
  return id;
}

test('inside an LMS the quiz records each answer, the score and the status, then commits and finishes', async () => {
  const context = await browser.newContext();
  const { page, sco, w } = await openInLms(context);
  const asked = [await answerFirst(sco), await answerFirst(sco)];
  await sco.locator('#result-heading').waitFor();
  const r = await page.evaluate(() => window.recorded());
  assert.deepEqual(r.errors, [], 'every call accepted');
  assert.deepEqual(r.after_finish, [], 'nothing written after LMSFinish');
  assert.equal(r.state, 'finished');
  assert.equal(r.calls.LMSInitialize, 1);
  assert.equal(r.calls.LMSFinish, 1);
  assert.ok(r.calls.LMSCommit >= 3, `committed after each answer and at the end: ${r.calls.LMSCommit}`);
  assert.deepEqual(r.interactions.map((i) => i.id), asked);
  for (const i of r.interactions) {
    assert.equal(i.type, 'choice');
    assert.equal(i.student_response, 'a');
    assert.match(i.correct_responses[0], /^[a-z]$/);
    assert.equal(i.result, i.correct_responses[0] === 'a' ? 'correct' : 'wrong');
    assert.match(i.time, /^\d\d:\d\d:\d\d$/);
  }
  const right = r.interactions.filter((i) => i.result === 'correct').length;
  const percent = Math.round((right / 2) * 100);
  assert.deepEqual(r.score, { raw: String(percent), min: '0', max: '100' });
  assert.equal(r.lesson_status, percent >= 60 ? 'passed' : 'failed');
  assert.equal(r.suspend_data, '', 'nothing to resume once finished');
  assert.match(r.session_time, /^\d+:\d\d:\d\d/);
  w.assertClean();
  await context.close();
});

test('left before the end, the attempt is kept in cmi.suspend_data and the next launch (another computer) resumes it', async () => {
  const first = await browser.newContext();
  const { page, sco } = await openInLms(first);
  const asked = await answerFirst(sco);
  // The learner closes the course window: the SCO's page goes away, the LMS page stays.
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction(() => window.recorded().calls.LMSFinish === 1);
  const kept = await page.evaluate(() => window.recorded());
  assert.deepEqual(kept.errors, []);
  assert.equal(kept.exit, 'suspend');
  assert.equal(kept.lesson_status, 'incomplete');
  assert.ok(kept.suspend_data.length > 0 && kept.suspend_data.length <= 4096, `${kept.suspend_data.length} characters`);
  assert.deepEqual(kept.interactions.map((i) => i.id), [asked]);
  await first.close();

  // Another computer: nothing in this browser's storage, only what the LMS kept.
  const second = await browser.newContext();
  const again = await openInLms(second, { suspend_data: kept.suspend_data, core: { entry: 'resume', lesson_status: 'incomplete' } });
  const next = await again.sco.locator('[data-question]').getAttribute('data-question');
  assert.notEqual(next, asked, 'resumed at the question after the one answered');
  assert.match(await again.sco.locator('#progress-label').textContent(), /2 \/ 2/, 'the second of two, not a new attempt');
  await answerFirst(again.sco);
  await again.sco.locator('#result-heading').waitFor();
  const done = await again.page.evaluate(() => window.recorded());
  assert.deepEqual(done.errors, []);
  assert.ok(['passed', 'failed'].includes(done.lesson_status), done.lesson_status);
  assert.equal(done.calls.LMSFinish, 1);
  again.w.assertClean();
  await second.close();
});

test('in an LMS the LMS decides what resumes: a new attempt it launches is new, whatever this browser kept', async () => {
  // A shared training-room PC: someone's attempt is left in this browser's storage.
  const context = await browser.newContext();
  const first = await openInLms(context);
  await answerFirst(first.sco);
  await first.page.close();
  // The LMS launches a new attempt (cmi.core.entry is not "resume"): it starts at the first question.
  const next = await openInLms(context);
  assert.match(await next.sco.locator('#progress-label').textContent(), /1 \/ 2/, 'not the attempt left in this browser');
  const r = await next.page.evaluate(() => window.recorded());
  assert.equal(r.lesson_status, 'incomplete', 'a launch is under way from the start');
  next.w.assertClean();
  await context.close();
});

test('a page with an API object that is not an LMS still runs the quiz', async () => {
  const plain = await serveWith();
  const page = await browser.newPage();
  const w = watch(page, plain.origin);
  // A portal's own `API` global on a framing page of the same origin.
  await page.route('**/not-an-lms.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><title>portal</title><script src="portal-api.js"></script>'
      + '<iframe id="sco" title="quiz" src="./?set=maebashi-credo&embed=1"></iframe>',
  }));
  await page.route('**/portal-api.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.API = { version: 2 };' }));
  await page.goto(`${plain.origin}/not-an-lms.html`);
  await page.frameLocator('#sco').locator('[data-question]').waitFor();
  w.assertClean();
  await page.close();
  plain.close();
});
