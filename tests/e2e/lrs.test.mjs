// Learning records reach a real LRS (Ralph, started here): the quiz's statements go through the outbox and are read back
// through the LRS's own xAPI API; with the LRS stopped in the middle of a quiz (and the page reloaded), every statement
// arrives once it is back, exactly once; without [xapi] in config.toml nothing of it loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, assertAccessible, freePort, launch, serveWith, watch } from './support.mjs';
import { startRalph } from './ralph.mjs';

const ADL = 'http://adlnet.gov/expapi/verbs/';
let ralph;
let server;
let plain;
let browser;

before(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // Ralph on another port is another origin: it must allow the quiz's (RALPH_RUNSERVER_CORS_ALLOW_ORIGINS).
  ralph = await startRalph({ corsOrigins: [origin] });
  const dir = mkdtempSync(join(tmpdir(), 'credo-quiz-lrs-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'config.toml'),
    `[xapi]\nendpoint = "${ralph.endpoint}"\nusername = "${ralph.username}"\npassword = "${ralph.password}"\n`);
  server = await serveWith({ dir, port });
  plain = await serveWith();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  plain?.close();
  await ralph?.stop();
});

/** Answers the current question with its first option and goes on; returns the question's id. */
async function answerFirst(page) {
  const id = await page.getAttribute('[data-question]', 'data-question');
  await page.click('#option-0');
  await page.click('#main button[type=submit]');
  await page.click('.feedback button');
  return id;
}

/** Waits until the LRS holds `n` statements of this registration-less query, or fails saying what it holds. */
async function statementsFor(learner, n, ms = 60_000) {
  const deadline = Date.now() + ms;
  let got = [];
  while (Date.now() < deadline) {
    got = (await ralph.statements()).filter((s) => s.actor?.account?.name === learner);
    if (got.length >= n) return got;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`expected ${n} statements for ${learner}, the LRS holds ${got.length}:\n${got.map((s) => s.verb.id).join('\n')}`);
}

test('an attempt reaches the LRS as attempted, answered, completed and passed or failed, under the name typed once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const w = watch(page, [server.origin, ralph.url]);
  await page.goto(`${server.origin}/?set=maebashi-credo&count=3&seed=11`);
  // Asked once, in a landmark of its own, before anything is sent.
  await page.waitForSelector('aside.records form.learner', { state: 'visible' });
  await page.locator('[data-question]').waitFor();
  await assertAccessible(page, 'quiz with the learner form');
  await page.fill('#credo-quiz-learner', '   ');
  await page.click('aside.records button[type=submit]');
  await page.waitForSelector('aside.records [role=alert]:has-text("100 文字以内")');
  await page.fill('#credo-quiz-learner', '職員 0042');
  await page.keyboard.press('Enter');
  await page.waitForSelector('aside.records form.learner', { state: 'hidden' });
  // Focus goes to the line that says under which name records go, with a way to change it.
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'learner-name');
  assert.match(await page.textContent('.learner-name'), /職員 0042/);

  const asked = [];
  for (let i = 0; i < 3; i++) asked.push(await answerFirst(page));
  await page.waitForSelector('#result-heading');
  const got = await statementsFor('職員 0042', 6);
  assert.equal(got.length, 6, 'nothing sent twice');
  assert.deepEqual(ralph.validate(got), [], 'valid xAPI 1.0.3 statements');
  const verbs = got.map((s) => s.verb.id.replace(ADL, ''));
  assert.deepEqual(verbs.slice(0, 5), ['attempted', 'answered', 'answered', 'answered', 'completed']);
  assert.ok(['passed', 'failed'].includes(verbs[5]), verbs[5]);
  assert.equal(new Set(got.map((s) => s.id)).size, 6);
  assert.equal(new Set(got.map((s) => s.context.registration)).size, 1, 'one registration for the attempt');
  const set = got[0].object.id;
  assert.match(set, new RegExp(`^${server.origin}/sets/maebashi-credo/[0-9a-f]{16}$`), 'set id and content hash');
  const answered = got.filter((s) => s.verb.id === `${ADL}answered`);
  assert.deepEqual(answered.map((s) => s.object.id), asked.map((q) => `${set}/questions/${q}`));
  for (const s of answered) {
    const d = s.object.definition;
    assert.equal(d.interactionType, 'choice');
    assert.ok(d.choices.some((c) => c.id === s.result.response), 'the response is one of the choices');
    assert.equal(s.result.success, d.correctResponsesPattern[0] === s.result.response);
    assert.deepEqual(s.context.contextActivities.parent, [{ id: set }]);
  }
  const verdict = got[5].result;
  const correct = answered.filter((s) => s.result.success).length;
  assert.deepEqual({ raw: verdict.score.raw, max: verdict.score.max }, { raw: correct, max: 3 });
  const byPrinciple = Object.values(verdict.extensions)[0];
  assert.equal(byPrinciple.reduce((n, p) => n + p.total, 0), 3, 'the per-principle breakdown covers every answer');
  assert.equal(byPrinciple.reduce((n, p) => n + p.correct, 0), correct);
  // Sent: nothing waits, so no waiting line is shown.
  await page.waitForSelector('.statements-waiting', { state: 'hidden' });
  w.assertClean();
  await context.close();
});

test('the LRS stopped mid-quiz: statements wait in the outbox, across a reload, and arrive once it is back, each once', async () => {
  const learner = `staff-${Date.now()}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  // The embedding page passes the learner: nothing is asked.
  const url = `${server.origin}/?set=susono-mission&count=4&seed=3&learner=${learner}`;
  await page.goto(url);
  await page.locator('[data-question]').waitFor();
  await answerFirst(page);
  await statementsFor(learner, 2);
  assert.equal(await page.locator('form.learner:visible').count(), 0, 'the learner came from the page');

  await ralph.stop();
  await answerFirst(page);
  await page.waitForSelector('.statements-waiting:has-text("1 件")');
  await assertAccessible(page, 'records waiting');
  // Kept in storage, not in the page: a reload (the LRS still down) loses nothing and resumes.
  await page.reload();
  await page.locator('[data-question]').waitFor();
  await page.waitForSelector('.statements-waiting:has-text("1 件")');
  await answerFirst(page);
  await answerFirst(page);
  await page.waitForSelector('#result-heading');
  await page.waitForSelector('.statements-waiting:has-text("5 件")');

  await ralph.start();
  // Sent by the retry with backoff, with no reload and nothing done by the employee.
  const got = await statementsFor(learner, 7);
  await page.waitForSelector('aside.records', { state: 'hidden' });
  await new Promise((r) => setTimeout(r, 1000));
  const again = (await ralph.statements()).filter((s) => s.actor?.account?.name === learner);
  assert.equal(again.length, 7, 'each statement arrived once');
  assert.equal(new Set(again.map((s) => s.id)).size, 7);
  // In the order they were made, outage or not; and dated when they happened, not when sent.
  const verbs = got.map((s) => s.verb.id.replace(ADL, ''));
  assert.deepEqual(verbs.slice(0, 6), ['attempted', 'answered', 'answered', 'answered', 'answered', 'completed']);
  assert.ok(['passed', 'failed'].includes(verbs[6]), verbs[6]);
  const times = got.map((s) => Date.parse(s.timestamp));
  assert.deepEqual([...times].sort((a, b) => a - b), times, 'timestamps in order');
  assert.ok(Date.parse(got[2].stored) - times[2] > 1000, 'the answer made during the outage keeps its own time');
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.xapi.')));
  assert.deepEqual(left, [], 'the outbox is empty once the LRS confirmed everything');
  await context.close();
});

test('a shared PC: results waiting from one employee go out under their name, not the next one\'s', async () => {
  const [first, second] = [`first-${Date.now()}`, `second-${Date.now()}`];
  const context = await browser.newContext();
  await ralph.stop();
  const page = await context.newPage();
  await page.goto(`${server.origin}/?set=maebashi-credo&count=1&learner=${first}`);
  await page.locator('[data-question]').waitFor();
  await answerFirst(page);
  await page.waitForSelector('#result-heading');
  await page.waitForSelector('.statements-waiting:has-text("4 件")');
  await page.close();
  await ralph.start();
  const next = await context.newPage();
  await next.goto(`${server.origin}/?set=maebashi-credo&count=1&learner=${second}`);
  await next.locator('[data-question]').waitFor();
  const got = await statementsFor(first, 4);
  assert.equal(got.length, 4);
  // The second employee's page sent only their own attempt's start.
  const theirs = await statementsFor(second, 1);
  assert.deepEqual(theirs.map((s) => s.verb.id), [`${ADL}attempted`]);
  assert.notEqual(theirs[0].context.registration, got[0].context.registration);
  await context.close();
});

test('without [xapi] in config.toml nothing of the reporting loads and nothing is asked', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${plain.origin}/?set=maebashi-credo&count=1`);
  await page.locator('[data-question]').waitFor();
  await answerFirst(page);
  await page.waitForSelector('#result-heading');
  assert.ok(!requested.includes('/report.js'), requested.join(' '));
  assert.equal(await page.locator('aside.records').count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('xapi'))), []);
  await context.close();
});
