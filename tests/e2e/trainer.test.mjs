// End to end, the trainer page (dist/trainer/, its own bundle) under a strict CSP: a dropped broken set located and
// fixed, the preview, a trial run that stores nothing, downloads, a Shift_JIS CSV from Excel, and group results merged
// from files an employee downloaded from the quiz.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, serveWith, launch, watch, assertAccessible, tabTo, answerByKeyboard, nextByKeyboard } from './support.mjs';

const CSP = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'"].join('; ');

let server, browser;
before(async () => {
  server = await serveWith({ dir: DIST, headers: { 'Content-Security-Policy': CSP } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A page of its own, watched for errors and requests off the serving host (downloads are blob: URLs of this origin). */
async function open(path) {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  const watcher = watch(page, [server.origin, `blob:${server.origin}`]);
  await page.goto(server.origin + path);
  return { ctx, page, watcher };
}

async function openTrainer() {
  const opened = await open('/trainer/');
  await opened.page.waitForSelector('#draft-text');
  return opened;
}

/** Drops a file on `selector` the way a file dragged from Explorer arrives: a DataTransfer holding a File. */
async function dropFile(page, selector, name, text) {
  await page.evaluate(({ selector, name, text }) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'text/plain' }));
    const target = document.querySelector(selector);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, { selector, name, text });
}

/** Clicks a control that saves a file and returns the file's name and text. */
async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

// The same small set the native tests edit.
const SET = readFileSync(join(ROOT, 'tests/data/demo-set.toml'), 'utf8');
const BROKEN = SET.replace('answer = "shimin"', 'answer = "kouhei"');
const BROKEN_LINE = BROKEN.split('\n').indexOf('answer = "kouhei"') + 1;

test('a dropped broken set shows its located problem and line; fixed, it previews; Try it runs it and stores nothing', async () => {
  const { ctx, page, watcher } = await openTrainer();
  await assertAccessible(page, 'trainer editor');

  await dropFile(page, '#draft-text', 'broken.toml', BROKEN);
  await page.waitForFunction(() => document.querySelector('#draft-text').value.includes('kouhei'));
  await page.waitForSelector('.problems li');
  const problems = await page.locator('.problems li').allTextContents();
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], new RegExp(`^${BROKEN_LINE} 行 10 列`));
  assert.match(problems[0], /原則 `kouhei` は \[\[principles\]\] に定義されていません/);
  assert.match(await page.textContent('.file-note'), /broken\.toml/);
  const marked = await page.locator('.src-line.problem').evaluateAll((lines) => lines.map((l) => l.dataset.line));
  assert.deepEqual(marked, [String(BROKEN_LINE)], 'the offending line is highlighted');
  assert.equal(await page.getAttribute('#draft-text', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.preview-question').count(), 0, 'nothing to preview while the set cannot be built');
  assert.equal(await page.locator('#try-it').isDisabled(), true);
  await assertAccessible(page, 'trainer editor with a problem');

  // Choosing the problem puts the caret on it: column 10 is just after `answer = "`.
  await tabTo(page, '.problem-link');
  await page.keyboard.press('Enter');
  const caret = await page.evaluate(() => {
    const area = document.activeElement;
    return { id: area.id, before: area.value.slice(0, area.selectionStart).split('\n') };
  });
  assert.equal(caret.id, 'draft-text');
  assert.equal(caret.before.length, BROKEN_LINE);
  assert.equal(caret.before.at(-1), 'answer = ');

  // Fix it by typing over the wrong id; the check follows the typing.
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('"shimin"');
  await page.waitForSelector('.preview-question');
  assert.equal(await page.textContent('#problems-status'), '誤りは見つかりませんでした。');
  assert.equal(await page.locator('.src-line.problem').count(), 0);
  const previews = await page.locator('.preview-question').count();
  assert.equal(previews, 2, 'every question previewed');
  const first = page.locator('.preview-question').first();
  assert.equal(await first.locator('.question-text').textContent(), '窓口で、制度の説明を相手の言葉に置き換えた。');
  assert.deepEqual(await first.locator('.options label').allTextContents(), ['市民目線を追求します', 'チームで知恵と力を出し合います']);
  assert.equal(await first.locator('legend').textContent(), 'この場面に最もよく当てはまる原則はどれですか。');
  assert.equal(await first.locator('.quote').textContent(), '市民目線を問い続けましょう。');
  await assertAccessible(page, 'trainer preview');

  // The manifest line that publishes it, summary included (issue 12.1).
  assert.match(await page.textContent('#manifest-line'), /^demo\.toml \| id=demo \| questions=2 \| asked=2 \| pass=\d+ \| office=.+ \| title=.+$/);

  // Downloads: TOML as typed, CSV for Excel, GIFT for Moodle.
  const typed = await page.inputValue('#draft-text');
  const toml = await downloadOf(page, () => page.click('button[data-format=toml]'));
  assert.deepEqual(toml, { name: 'demo.toml', text: typed });
  const csv = await downloadOf(page, () => page.click('button[data-format=csv]'));
  assert.equal(csv.name, 'demo.csv');
  assert.ok(csv.text.startsWith('\ufeff種別,ID,本文,正解'), csv.text.slice(0, 40));
  assert.ok(csv.text.includes('\r\n') && !csv.text.replaceAll('\r\n', '').includes('\n\n'), 'CRLF rows');
  const gift = await downloadOf(page, () => page.click('button[data-format=gift]'));
  assert.equal(gift.name, 'demo.gift');
  assert.match(gift.text, /::q2::/);

  // Try it: the employee's own quiz screen, by keyboard, to the result; nothing is stored.
  await tabTo(page, '#try-it');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-question]');
  assert.match(await page.textContent('.tryout-note'), /保存されません/);
  // Issue 9.14: the way out said 「(途中経過は保存されます)」 though nothing is kept.
  assert.equal((await page.textContent('.quiz .link-button')).trim(), '試すのをやめる(何も保存されません)');
  await assertAccessible(page, 'trial question');
  const asked = await answerByKeyboard(page);
  assert.ok(['q1', 'q2'].includes(asked));
  assert.ok((await page.textContent('.quote')).length > 5, 'feedback quotes the source');
  await nextByKeyboard(page);
  await answerByKeyboard(page, 1);
  await nextByKeyboard(page);
  await page.waitForSelector('#result-heading');
  assert.match(await page.textContent('.score'), /\/ 2 \(/);
  await assertAccessible(page, 'trial result');
  // Nothing of the quiz's records: only the trainer's own kept draft, under its own keys.
  const stored = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(stored.filter((k) => !k.startsWith('credo-trainer.draft.')), [], 'a trial run stores nothing');
  await page.click('button:has-text("編集に戻る")');
  await page.waitForSelector('#draft-text');
  assert.equal(await page.inputValue('#draft-text'), typed, 'the draft is as it was');
  watcher.assertClean();
  await ctx.close();
});

// A tester's report: an Excel workbook opened as a set was read as Shift_JIS, put garbled into the
// editor, and the advice was to save it as UTF-8 in Notepad.
test('an Excel workbook opened by mistake says to save it as CSV UTF-8, and the draft stays as it was', async () => {
  const { ctx, page, watcher } = await openTrainer();
  const before = await page.inputValue('#draft-text');
  const workbook = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), Buffer.alloc(64, 0x8e)]);
  await page.setInputFiles('#open-file', { name: '問題.xlsx', mimeType: 'application/octet-stream', buffer: workbook });
  await page.waitForSelector('.file-note.error');
  assert.match(await page.textContent('.file-note.error'), /問題\.xlsx.*CSV UTF-8/);
  assert.equal(await page.inputValue('#draft-text'), before);
  watcher.assertClean();
  await ctx.close();
});

test('a CSV saved by Japanese Excel (Shift_JIS) opens through the file chooser, and English is one switch away', async () => {
  const { ctx, page, watcher } = await openTrainer();
  await page.setInputFiles('#open-file', join(ROOT, 'tests/data/csv/excel-cp932.csv'));
  await page.waitForSelector('.preview-question');
  assert.match(await page.textContent('.file-note'), /excel-cp932\.csv.*Shift_JIS/);
  assert.equal(await page.inputValue('#draft-format'), 'csv');
  assert.match(await page.inputValue('#draft-text'), /^種別,ID,本文/);
  assert.match(await page.textContent('.preview-question .set-title'), /髙崎市/);
  assert.equal(await page.locator('.problems li').count(), 0);

  // A CSV problem names the Excel row and column and marks the text line it is on.
  const text = await page.inputValue('#draft-text');
  await page.fill('#draft-text', text.replace('設定,pass_mark,70', '設定,pass_mark,170'));
  await page.waitForSelector('.problems li');
  // Issue 9.13: placed once, by the CSV's own row and column header (it used to read 「4 行 14 列4行目「本文」列…」).
  assert.match(await page.textContent('.problems li'), /^4行目「本文」列合格ライン `pass_mark = 170`/);
  assert.deepEqual(await page.locator('.src-line.problem').evaluateAll((l) => l.map((x) => x.dataset.line)), ['4']);

  await page.click('button:has-text("English に切り替え")');
  await page.waitForSelector('text=Write and check a set');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('.problems li'), /^row 4, column "本文"`pass_mark = 170`/);
  await assertAccessible(page, 'trainer editor in English');
  // A tester's report: the choice of English was lost on a reload.
  await page.reload();
  await page.waitForSelector('text=Write and check a set');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  watcher.assertClean();
  await ctx.close();
});

/** A result file as the quiz writes it, for the given answers: [question id, principle, kind, chosen, correct]. */
function resultFile({ set = 'maebashi-credo', title = '前橋市職員クレド', name, at, answers, principles }) {
  const score = answers.filter((a) => a[4]).length;
  return JSON.stringify({
    format: 'credo-quiz-result', version: 1, set_id: set, set_title: title, name, finished_at: at,
    score, max: answers.length, passed: score * 100 >= 70 * answers.length, principles,
    answers: answers.map(([question_id, principle, kind, chosen, correct]) => ({ question_id, principle, kind, chosen, correct })),
  }, null, 2);
}

test('an employee downloads a result; three results merge on the trainer page, other sets and broken files are named', async () => {
  // The employee: three questions of the 前橋市 set, then the result file with their name.
  const employee = await open('/?set=maebashi-credo&count=3&seed=7');
  const quiz = employee.page;
  await quiz.waitForSelector('[data-question]');
  for (let i = 0; i < 3; i++) {
    await answerByKeyboard(quiz, i);
    await nextByKeyboard(quiz);
  }
  await quiz.waitForSelector('#result-heading');
  await assertAccessible(quiz, 'result with the hand-in form');
  assert.equal(await quiz.textContent('label[for=result-name]'), '氏名または職員番号');
  // No name, no file: the browser asks for one.
  await tabTo(quiz, '.hand-in button[type=submit]');
  await quiz.keyboard.press('Enter');
  assert.equal(await quiz.evaluate(() => document.activeElement?.id), 'result-name', 'focus goes to the empty name');
  await quiz.keyboard.type('山田 "花子"');
  const downloaded = await downloadOf(quiz, () => quiz.keyboard.press('Enter'));
  assert.match(downloaded.name, /^credo-quiz-maebashi-credo-山田_花子-\d{8}-\d{4}\.json$/, "the name keeps a room's files apart");
  const mine = JSON.parse(downloaded.text);
  assert.equal(mine.format, 'credo-quiz-result');
  assert.equal(mine.name, '山田 "花子"');
  assert.equal(mine.max, 3);
  assert.equal(mine.answers.length, 3);
  assert.equal(mine.score, mine.answers.filter((a) => a.correct).length);
  assert.match(mine.finished_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.match(await quiz.textContent('.score'), new RegExp(`^得点 ${mine.score} / 3`));
  const again = await downloadOf(quiz, () => quiz.click('.hand-in button[type=submit]'));
  assert.equal(JSON.parse(again.text).finished_at, mine.finished_at, 'the same attempt keeps its finish time');
  employee.watcher.assertClean();
  await employee.ctx.close();

  // Two colleagues on the same questions: one with every scenario right, one who took every scenario for another principle.
  const ids = mine.principles.map((p) => p.id);
  const allRight = mine.answers.map((a) => (a.kind === 'scenario' ? [a.question_id, a.principle, a.kind, a.principle, true]
    : [a.question_id, a.principle, a.kind, a.chosen, a.correct]));
  const confused = mine.answers.map((a) => (a.kind === 'scenario'
    ? [a.question_id, a.principle, a.kind, ids.find((id) => id !== a.principle), false]
    : [a.question_id, a.principle, a.kind, a.chosen, a.correct]));
  const files = [
    [downloaded.name, downloaded.text],
    ['suzuki.json', resultFile({ name: '鈴木', at: '2025-11-21T13:41:05+09:00', answers: allRight, principles: mine.principles })],
    ['E1234.json', resultFile({ name: 'E1234', at: '2025-11-21T13:42:05+09:00', answers: confused, principles: mine.principles })],
    ['other-set.json', resultFile({ set: 'susono-mission', title: '裾野市', name: '佐藤', at: '2025-11-21T13:43:05+09:00', answers: allRight, principles: [] })],
    ['broken.json', downloaded.text.slice(0, 100)],
    ['copy.json', downloaded.text],
  ];
  const expected = files.slice(0, 3).map(([, t]) => JSON.parse(t));

  const { ctx, page, watcher } = await openTrainer();
  await tabTo(page, '#tab-editor');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-results', 'arrow keys move between tabs');
  await page.waitForSelector('#result-files');
  await page.setInputFiles('#result-files', files.slice(0, 4).map(([name, text]) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) })));
  await page.waitForSelector('table.people');
  await dropFile(page, '#panel-results .drop-zone', ...files[4]);
  await dropFile(page, '#panel-results .drop-zone', ...files[5]);
  await page.waitForFunction(() => document.querySelector('.results-summary').textContent.startsWith('6 '));
  assert.equal(await page.textContent('.results-summary'), '6 ファイル: 集計 3 件(3 人)、重複 1 件、除外 2 件');

  // People and scores: one row each, the figures of their files.
  const rows = await page.locator('table.people tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => r[0]), ['E1234', '山田 "花子"', '鈴木']);
  for (const r of expected) {
    const row = rows.find((x) => x[0] === r.name);
    assert.ok(row[2].startsWith(`${r.score} / ${r.max} (`), `${row} shows ${r.score}/${r.max}`);
  }
  // The heatmap's whole-group row adds up to every file's score and maximum, and each cell shows its number.
  const group = await page.locator('table.heatmap tfoot td').allTextContents();
  const sums = group.filter((c) => c.includes('/')).map((c) => c.match(/^(\d+)\/(\d+)/).slice(1).map(Number));
  assert.equal(sums.reduce((s, [c]) => s + c, 0), expected.reduce((s, r) => s + r.score, 0));
  assert.equal(sums.reduce((s, [, t]) => s + t, 0), expected.reduce((s, r) => s + r.max, 0));
  assert.ok(group.filter((c) => c.includes('/')).every((c) => /%$/.test(c)), 'a number in every coloured cell');
  // Confusions: every scenario of E1234 counted against the principle taken instead.
  const scenarios = confused.filter((a) => a[2] === 'scenario');
  assert.ok(scenarios.length > 0, 'the seeded attempt asks scenarios, so there are confusions to count');
  const counts = await page.locator('table.confusion td.confused').allTextContents();
  assert.ok(counts.map(Number).reduce((s, n) => s + n, 0) >= scenarios.length);
  // Skipped files by name, with the reason; the copy counted once.
  const skipped = await page.locator('.skipped li').allTextContents();
  assert.equal(skipped.length, 3);
  assert.match(skipped.find((s) => s.startsWith('other-set.json')), /別のセット `susono-mission`/);
  assert.match(skipped.find((s) => s.startsWith('broken.json')), /結果ファイルとして読めません/);
  assert.match(skipped.find((s) => s.startsWith('copy.json')), new RegExp(`${downloaded.name.replaceAll('.', '\\.')} と同じ結果`));
  await assertAccessible(page, 'group results');

  const csv = await downloadOf(page, () => page.click('#export-results'));
  assert.equal(csv.name, 'credo-quiz-results-maebashi-credo.csv');
  assert.ok(csv.text.startsWith('\ufeff氏名・職員番号,受講日時,得点,満点'), csv.text.slice(0, 30));
  const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 4, 'a header and one row a counted file');
  assert.ok(lines.some((l) => l.startsWith('"山田 ""花子""",')), 'quotes doubled inside a quoted field');

  // The results can be removed again: the button was lost once when the panel took a file count
  // (`!files == 0`), so it is asserted here.
  await page.click('text=読み込んだ結果をすべて取り除く');
  await page.waitForFunction(() => !document.querySelector('table.people'));
  assert.equal(await page.locator('text=読み込んだ結果をすべて取り除く').count(), 0);
  watcher.assertClean();
  await ctx.close();
});

test("quotes are checked word for word against the source text on the server, as quizcheck does", async () => {
  const { ctx, page, watcher } = await openTrainer();
  const shipped = readFileSync(join(ROOT, 'questions/maebashi-credo.toml'), 'utf8');
  const quote = shipped.match(/^quote = "(.+)"$/m)[1];
  // One character changed: a full stop for the last character of the first quote.
  const retyped = shipped.replace(`quote = "${quote}"`, `quote = "${quote.slice(0, -1)}."`);
  await dropFile(page, '#draft-text', 'maebashi-credo.toml', retyped);
  await page.waitForSelector('.problems li');
  const problems = await page.locator('.problems li').allTextContents();
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /quote が出典 sources\/maebashi-credo\.txt に一字一句そのままでは見つかりません/);
  await dropFile(page, '#draft-text', 'maebashi-credo.toml', shipped);
  await page.waitForSelector('.preview-question');
  assert.equal(await page.locator('.problems li').count(), 0);
  watcher.assertClean();
  await ctx.close();
});

test('the set list links to the trainer page, and the trainer page to the quiz and the embed snippet page', async () => {
  const { ctx, page, watcher } = await open('/');
  await page.waitForSelector('.set-card h2');
  await page.click('.for-trainers a');
  await page.waitForSelector('#draft-text');
  await page.click('text=埋め込みコードを作る');
  await page.waitForFunction(() => document.getElementById('snippet')?.value.includes('<iframe'));
  await page.goBack();
  await page.waitForSelector('#draft-text');
  await page.click('text=クイズのページへ');
  await page.waitForSelector('.set-card h2');
  watcher.assertClean();
  await ctx.close();
});
