// Learning records for the organisation's systems, loaded only where they are used: the xAPI outbox, sent to the
// LRS that config.toml names, with the learner's name asked once; and the LMS's SCORM 1.2 API that boot.js found.
//
// The app (crates/web/src/report.rs) makes every statement and every SCORM value (crates/core: xapi, scorm)
// and calls the functions below; calls made before this file has loaded wait in `credoQuizReportQueue`.
// The outbox keeps one localStorage key per statement (`<scope>.xapi.<time>.<sequence>.<id>`), so two tabs
// never overwrite each other's, the keys sort in the order the statements were made, and a statement leaves
// only when the LRS confirms it. Statement ids are UUIDs and a statement is PUT by its id, so a resend after a
// lost answer is harmless: the LRS keeps one. The actor is written into a statement when it is made (or, made
// before the name was given, when it is given on the same page), never at sending time: on a shared PC the
// next employee's name must not go onto the last one's waiting results.
(() => {
  'use strict';
  const report = {};
  // Statements kept in memory when localStorage is blocked or full: sent from this page only.
  const memory = new Map();
  // Keys not to send again from this page: refused by the LRS and not set aside (storage full).
  const skipped = new Set();
  // Keys this page made before the learner was known: they get the name given here.
  const unnamed = new Set();
  let lrs = null;
  let sending = false;
  let failures = 0;
  let retry = 0;

  function safe(f) {
    try { return f(); } catch { return null; }
  }
  const stored = (key) => memory.get(key) ?? safe(() => localStorage.getItem(key));
  const put = (key, value) => {
    if (safe(() => (localStorage.setItem(key, value), true))) memory.delete(key);
    else memory.set(key, value);
  };
  const drop = (key) => {
    memory.delete(key);
    safe(() => localStorage.removeItem(key));
  };
  const outboxKey = () => new RegExp(`^${lrs.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d{13}\\.\\d{6}\\.[0-9a-f-]{36}$`);

  // The outbox keys waiting, oldest first.
  function waiting() {
    const keys = new Set(memory.keys());
    safe(() => {
      for (let i = 0; i < localStorage.length; i++) keys.add(localStorage.key(i));
    });
    const pattern = outboxKey();
    return [...keys].filter((k) => pattern.test(k) && !skipped.has(k)).sort();
  }

  const actor = (name) => ({ objectType: 'Agent', name, account: { homePage: lrs.accountHome, name } });
  // A statement's text with the learner as its actor; null for one that cannot be read (left to send()).
  function named(text, learner) {
    const statement = safe(() => JSON.parse(text));
    if (!statement) return null;
    statement.actor = actor(learner);
    return JSON.stringify(statement);
  }
  // A kept statement given the learner's name.
  function name(key, learner) {
    const text = named(stored(key), learner);
    if (text) put(key, text);
  }

  // 2 s after the first failure, doubling, at most 5 minutes: a down LRS is not hammered, and a
  // short outage is over quickly. Coming back online sends at once.
  const backoff = (n) => Math.min(2000 * 2 ** Math.min(n - 1, 8), 300000);

  // PUTs one statement; the LRS's status, 0 when it could not be reached.
  async function deliver(statement) {
    try {
      const response = await fetch(`${lrs.endpoint}statements?statementId=${encodeURIComponent(statement.id)}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          ...(lrs.authorization ? { Authorization: lrs.authorization } : {}),
        },
        body: JSON.stringify(statement),
        // The LRS is named by the office's config; the intranet's cookies do not go to it.
        credentials: 'omit',
      });
      return response.status;
    } catch {
      return 0; // offline, refused, or blocked by the browser (CORS, CSP connect-src)
    }
  }

  // Each round reads the outbox once and sends what is ready, oldest first; the next round takes
  // what was made meanwhile. A failure stops the sending until the retry.
  async function send() {
    if (!lrs || sending) return;
    sending = true;
    try {
      for (;;) {
        const keys = waiting();
        const ready = [];
        for (const key of keys) {
          const text = stored(key);
          const statement = text === null ? null : safe(() => JSON.parse(text));
          if (text !== null && !statement) {
            // Not a statement this app wrote: set aside for someone to look at, never sent.
            put(key.replace('.xapi.', '.xapi-unreadable.'), text);
            drop(key);
          } else if (statement?.actor) {
            ready.push([key, statement]);
          }
        }
        let left = keys.length;
        show(left);
        if (!ready.length) break;
        for (const [key, statement] of ready) {
          // Sent from another tab since this round began: gone from the outbox.
          const status = stored(key) === null ? 200 : await deliver(statement);
          if ((status >= 200 && status < 300) || status === 409) {
            // Stored, or stored before (409: a statement with this id exists).
            drop(key);
            failures = 0;
          } else if (status === 400) {
            // Refused as it is: it would never be accepted, so it is set aside (kept, not sent again)
            // rather than blocking the statements after it.
            const refused = key.replace('.xapi.', '.xapi-refused.');
            if (safe(() => (localStorage.setItem(refused, stored(key)), true))) drop(key);
            else skipped.add(key);
          } else {
            failures += 1;
            clearTimeout(retry);
            retry = setTimeout(() => {
              retry = 0;
              send();
            }, backoff(failures));
            return;
          }
          show((left -= 1));
        }
      }
    } finally {
      sending = false;
    }
  }

  // The employee's side, in the page's language (the app keeps <html lang> in step): the name asked
  // for once (or changed), and how many records wait. An <aside> before the app, which owns #app.
  const words = {
    ja: {
      region: '学習記録',
      hint: 'この研修の結果は、組織の学習記録システム(LRS)にも送られます。名前または職員番号を入力してください(このブラウザーに保存します)。',
      label: '氏名または職員番号',
      save: '保存',
      invalid: '名前または職員番号を 100 文字以内で入力してください。',
      as: (n) => `学習記録は「${n}」として送ります。`,
      change: '別の人に変える',
      waiting: (n) => `学習記録 ${n} 件が送信待ちです。この端末に保存されていて、学習記録システムにつながると自動で送ります。受講はこのまま続けられます。`,
      needsName: '名前または職員番号を入力すると送ります。',
    },
    en: {
      region: 'Learning records',
      hint: "The results of this training also go to your organisation's learning record store (LRS). Enter your name or staff number (kept in this browser).",
      label: 'Name or staff number',
      save: 'Save',
      invalid: 'Enter a name or staff number of at most 100 characters.',
      as: (n) => `Learning records are sent as “${n}”.`,
      change: 'Someone else',
      waiting: (n) => `${n === 1 ? '1 learning record is' : `${n} learning records are`} waiting to be sent. They are kept on this computer and sent by themselves when the learning record store answers. You can go on with the quiz.`,
      needsName: 'They are sent once you enter your name or staff number.',
    },
  };
  const LEARNER_KEY = 'credo-quiz.learner';
  // The name printed on certificates, offered as the learner's too.
  const CERTIFICATE_NAME_KEY = 'credo-quiz.name';
  let shownCount = 0;
  let asking = false;
  let problem = false;
  let aside = null;
  // The same rule as the app's for `learner=` (credo_core::xapi::Learner): trimmed, 1 to 100
  // characters, no control characters.
  const validLearner = (text) => {
    const trimmed = text.trim();
    return trimmed && [...trimmed].length <= 100 && !/\p{Cc}/u.test(trimmed) ? trimmed : null;
  };

  // Built once; afterwards only texts change, so focus stays and the status line is announced.
  function build() {
    aside = document.createElement('aside');
    aside.className = 'records';
    aside.innerHTML = '<form class="learner" hidden><p id="credo-quiz-learner-hint"></p>'
      + '<label for="credo-quiz-learner"></label> <input id="credo-quiz-learner" type="text" autocomplete="name" '
      + 'maxlength="100" aria-describedby="credo-quiz-learner-hint"> <button type="submit"></button>'
      + '<p class="field-problem" role="alert"></p></form>'
      + '<p class="learner-name" tabindex="-1" hidden><span></span> <button type="button" class="link-button"></button></p>'
      + '<p class="notice statements-waiting" role="status"></p>';
    const form = aside.querySelector('form');
    const input = form.querySelector('input');
    input.value = safe(() => localStorage.getItem(CERTIFICATE_NAME_KEY)) ?? '';
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const learner = validLearner(input.value);
      problem = !learner;
      if (learner) {
        safe(() => localStorage.setItem(LEARNER_KEY, learner));
        lrs.learner = learner;
        for (const key of unnamed) name(key, learner);
        unnamed.clear();
        asking = false;
        render();
        aside.querySelector('.learner-name').focus();
        send();
      } else {
        render();
        input.focus();
      }
    });
    aside.querySelector('.learner-name button').addEventListener('click', () => {
      asking = true;
      render();
      input.focus();
    });
    document.getElementById('app')?.before(aside);
  }

  function render() {
    const t = words[document.documentElement.lang === 'en' ? 'en' : 'ja'];
    if (!aside) build();
    aside.setAttribute('aria-label', t.region);
    const form = aside.querySelector('form');
    form.hidden = !asking;
    form.querySelector('#credo-quiz-learner-hint').textContent = t.hint;
    form.querySelector('label').textContent = t.label;
    form.querySelector('button').textContent = t.save;
    form.querySelector('input').setAttribute('aria-invalid', String(problem));
    form.querySelector('[role=alert]').textContent = problem ? t.invalid : '';
    const named = aside.querySelector('.learner-name');
    // A name the employee typed can be changed (a shared PC); one the portal passed cannot.
    named.hidden = asking || !lrs.learner || lrs.fromPage;
    named.querySelector('span').textContent = lrs.learner ? t.as(lrs.learner) : '';
    named.querySelector('button').textContent = t.change;
    const status = aside.querySelector('[role=status]');
    status.textContent = shownCount ? t.waiting(shownCount) + (lrs.learner ? '' : ` ${t.needsName}`) : '';
    status.hidden = !shownCount;
    aside.hidden = form.hidden && named.hidden && status.hidden;
  }

  function show(count) {
    if (count === shownCount) return;
    shownCount = count;
    render();
  }

  // config: { endpoint, authorization, accountHome, learner (from the page, or null), prefix }
  report.startLrs = (config) => {
    lrs = config;
    lrs.fromPage = Boolean(lrs.learner);
    lrs.learner = lrs.learner ?? validLearner(safe(() => localStorage.getItem(LEARNER_KEY)) ?? '');
    asking = !lrs.learner;
    window.addEventListener('online', () => {
      clearTimeout(retry);
      retry = 0;
      send();
    });
    new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    render();
    send();
  };
  report.queue = (key, body) => {
    if (!lrs || !outboxKey().test(key)) return;
    // Kept once, with its actor when the learner is known.
    put(key, (lrs.learner && named(body, lrs.learner)) || body);
    if (!lrs.learner) unnamed.add(key);
    // While the LRS is failing, a new statement waits for the next try rather than adding one.
    if (retry) show(waiting().length);
    else send();
  };

  // SCORM 1.2: boot.js found the API (window.credoQuizLmsApi) and loaded this file before the app
  // started; the session opens here, and window.credoQuizLms tells the app what the LMS holds. A
  // first launch is under way from now on, even if the set never loads. An LMS that throws is
  // treated as none: the quiz runs and keeps its results in this browser.
  function open(api) {
    try {
      if (String(api.LMSInitialize('')) !== 'true') return null;
      const value = (element) => String(api.LMSGetValue(element) ?? '');
      if (value('cmi.core.lesson_status') === 'not attempted') api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
      return {
        api,
        started: Date.now(),
        entry: value('cmi.core.entry'),
        suspend: value('cmi.suspend_data'),
        count: Number(value('cmi.interactions._count')) || 0,
      };
    } catch {
      return null;
    }
  }
  const lms = window.credoQuizLmsApi && !window.credoQuizLms ? open(window.credoQuizLmsApi) : window.credoQuizLms;
  if (lms) window.credoQuizLms = lms;
  // The attempt to resume, as the LMS holds it: what it kept until this page keeps a newer one.
  let suspend = lms?.suspend ?? '';
  function close(suspendData) {
    if (!lms || lms.finished) return;
    const seconds = Math.floor((Date.now() - lms.started) / 1000);
    const two = (n) => String(n).padStart(2, '0');
    const span = `${String(Math.min(Math.floor(seconds / 3600), 9999)).padStart(4, '0')}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
    lms.api.LMSSetValue('cmi.core.session_time', span);
    lms.api.LMSSetValue('cmi.suspend_data', suspendData);
    lms.api.LMSSetValue('cmi.core.exit', suspendData ? 'suspend' : '');
    lms.api.LMSCommit('');
    lms.api.LMSFinish('');
    lms.finished = true;
  }
  // values: [element, value, element, value, …]; then a commit. `finish`: the attempt is over.
  report.lmsRecord = (values, finish) => {
    if (!lms || lms.finished) return;
    for (let i = 0; i + 1 < values.length; i += 2) lms.api.LMSSetValue(values[i], values[i + 1]);
    lms.api.LMSCommit('');
    if (finish) {
      suspend = '';
      close('');
    }
  };
  // The attempt in progress, in cmi.suspend_data at once (a crash loses nothing) and again when the
  // page is left before the end, so the LMS's next launch resumes it.
  report.lmsKeep = (data) => {
    if (!lms || lms.finished) return;
    suspend = data;
    lms.api.LMSSetValue('cmi.suspend_data', data);
    lms.api.LMSCommit('');
  };
  if (lms) window.addEventListener('pagehide', () => close(suspend));

  window.credoQuizReport = report;
  for (const [fn, args] of window.credoQuizReportQueue ?? []) report[fn](...args);
  window.credoQuizReportQueue = [];
})();
