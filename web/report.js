// Learning records for the organisation's systems, loaded only where they are used (so no one else downloads it):
// the xAPI outbox, sent to the LRS that config.toml names, and the LMS's SCORM 1.2 API that boot.js found.
//
// The app (crates/web/src/report.rs) makes every statement and every SCORM value (crates/core: xapi, scorm)
// and calls the functions below; calls made before this file has loaded wait in `credoQuizReportQueue`.
// The outbox keeps one localStorage key per statement (`<scope>.xapi.<time>.<id>`), so two tabs never
// overwrite each other's, and a statement leaves it only when the LRS confirms it. Statement ids are UUIDs
// and a statement is PUT by its id, so a resend after a lost answer is harmless: the LRS keeps one.
(() => {
  'use strict';
  const report = {};
  // Statements kept in memory when localStorage is blocked or full: sent from this page only.
  const memory = new Map();
  let lrs = null;
  let sending = false;
  let failures = 0;
  let retry = 0;

  const stored = (key) => memory.get(key) ?? safe(() => localStorage.getItem(key));
  function safe(f) {
    try { return f(); } catch { return null; }
  }

  // The statements waiting, oldest first (the keys sort by the time they were made).
  function waiting() {
    const keys = new Set(memory.keys());
    safe(() => {
      for (let i = 0; i < localStorage.length; i++) keys.add(localStorage.key(i));
    });
    return [...keys].filter((k) => k.startsWith(lrs.prefix)).sort();
  }

  // The employee's side, in the page's language (the app keeps <html lang> in step): the name asked
  // for once, and how many records wait. An <aside> before the app, which owns everything in #app.
  const words = {
    ja: {
      region: '学習記録',
      hint: 'この研修の結果は、組織の学習記録システム(LRS)にも送られます。名前または職員番号を一度だけ入力してください(このブラウザーに保存します)。',
      label: '氏名または職員番号',
      save: '保存',
      invalid: '名前または職員番号を 100 文字以内で入力してください。',
      waiting: (n) => `学習記録 ${n} 件が送信待ちです。この端末に保存されていて、学習記録システムにつながると自動で送ります。受講はこのまま続けられます。`,
      needsName: '名前または職員番号を入力すると送ります。',
    },
    en: {
      region: 'Learning records',
      hint: "The results of this training also go to your organisation's learning record store (LRS). Enter your name or staff number once (kept in this browser).",
      label: 'Name or staff number',
      save: 'Save',
      invalid: 'Enter a name or staff number of at most 100 characters.',
      waiting: (n) => `${n} learning records are waiting to be sent. They are kept on this computer and sent by themselves when the learning record store answers. You can go on with the quiz.`,
      needsName: 'They are sent once you enter your name or staff number.',
    },
  };
  const LEARNER_KEY = 'credo-quiz.learner';
  let shownCount = 0;
  let aside = null;
  let problem = false;
  // The same rule as the app's for `learner=` (credo_core::xapi::Learner): trimmed, 1 to 100
  // characters, no control characters.
  const validLearner = (text) => {
    const name = text.trim();
    return name && [...name].length <= 100 && !/\p{Cc}/u.test(name) ? name : null;
  };

  function render() {
    const t = words[document.documentElement.lang === 'en' ? 'en' : 'ja'];
    const asking = !lrs.learner;
    if (!asking && !shownCount) {
      aside?.remove();
      aside = null;
      return;
    }
    if (!aside) {
      aside = document.createElement('aside');
      aside.className = 'records';
      document.getElementById('app')?.before(aside);
    }
    aside.setAttribute('aria-label', t.region);
    const focused = document.activeElement?.id === 'credo-quiz-learner';
    const typed = document.getElementById('credo-quiz-learner')?.value ?? '';
    aside.replaceChildren();
    if (asking) {
      const form = document.createElement('form');
      form.className = 'learner';
      form.innerHTML = '<p id="credo-quiz-learner-hint"></p><label for="credo-quiz-learner"></label> '
        + '<input id="credo-quiz-learner" type="text" autocomplete="name" maxlength="100" aria-describedby="credo-quiz-learner-hint"> '
        + '<button type="submit"></button><p class="field-problem" role="alert"></p>';
      form.querySelector('p').textContent = t.hint;
      form.querySelector('label').textContent = t.label;
      form.querySelector('button').textContent = t.save;
      const input = form.querySelector('input');
      input.value = typed;
      input.setAttribute('aria-invalid', String(problem));
      form.querySelector('[role=alert]').textContent = problem ? t.invalid : '';
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const name = validLearner(input.value);
        problem = !name;
        if (name) {
          safe(() => localStorage.setItem(LEARNER_KEY, name));
          lrs.learner = name;
          send();
        }
        render();
        if (problem) document.getElementById('credo-quiz-learner')?.focus();
      });
      aside.append(form);
    }
    if (shownCount) {
      const line = document.createElement('p');
      line.className = 'notice statements-waiting';
      line.setAttribute('role', 'status');
      line.textContent = t.waiting(shownCount) + (asking ? ` ${t.needsName}` : '');
      aside.append(line);
    }
    if (focused) document.getElementById('credo-quiz-learner')?.focus();
  }

  function tell(count) {
    if (count === shownCount) return;
    shownCount = count;
    render();
  }

  // 2 s after the first failure, doubling, at most 5 minutes: a down LRS is not hammered, and a
  // short outage is over quickly. Coming back online sends at once.
  const backoff = (n) => Math.min(2000 * 2 ** Math.min(n - 1, 8), 300000);

  async function send() {
    if (!lrs || sending) return;
    sending = true;
    try {
      for (;;) {
        const keys = waiting();
        tell(keys.length);
        if (!keys.length || !lrs.learner) break;
        const key = keys[0];
        const statement = JSON.parse(stored(key));
        statement.actor = { objectType: 'Agent', name: lrs.learner, account: { homePage: lrs.accountHome, name: lrs.learner } };
        let status = 0;
        try {
          const response = await fetch(`${lrs.endpoint}statements?statementId=${encodeURIComponent(statement.id)}`, {
            method: 'PUT',
            headers: {
              'Content-Type': 'application/json',
              'X-Experience-API-Version': '1.0.3',
              ...(lrs.authorization ? { Authorization: lrs.authorization } : {}),
            },
            body: JSON.stringify(statement),
            // The LRS is named by the trainer's config; no cookies of the intranet go to it.
            credentials: 'omit',
          });
          status = response.status;
        } catch {
          status = 0; // offline, refused, or blocked by the browser (CORS, CSP connect-src)
        }
        if ((status >= 200 && status < 300) || status === 409) {
          // Stored, or stored before (409: a statement with this id exists).
          memory.delete(key);
          safe(() => localStorage.removeItem(key));
          failures = 0;
        } else if (status === 400) {
          // Refused as it is: it would never be accepted, so it is set aside (kept, not sent again)
          // rather than blocking the statements after it.
          const body = stored(key);
          const aside = key.replace('.xapi.', '.xapi-refused.');
          if (safe(() => (localStorage.setItem(aside, body), true))) safe(() => localStorage.removeItem(key));
          memory.delete(key);
        } else {
          failures += 1;
          clearTimeout(retry);
          retry = setTimeout(() => {
            retry = 0;
            send();
          }, backoff(failures));
          break;
        }
      }
    } finally {
      sending = false;
    }
  }

  // config: { endpoint, authorization, accountHome, learner, prefix }
  report.startLrs = (config) => {
    lrs = config;
    lrs.learner = lrs.learner ?? validLearner(safe(() => localStorage.getItem(LEARNER_KEY)) ?? '');
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
    if (!safe(() => (localStorage.setItem(key, body), true))) memory.set(key, body);
    // While the LRS is failing, a new statement waits for the next try rather than adding one.
    if (retry) tell(waiting().length);
    else send();
  };

  // SCORM 1.2: boot.js found the API and opened the session (window.credoQuizLms).
  const lms = window.credoQuizLms;
  let suspend = '';
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
  // values: [element, value, element, value, …]; then a commit.
  report.lmsRecord = (values, finish) => {
    if (!lms || lms.finished) return;
    for (let i = 0; i + 1 < values.length; i += 2) lms.api.LMSSetValue(values[i], values[i + 1]);
    lms.api.LMSCommit('');
    if (finish) close('');
  };
  // The attempt in progress, written to cmi.suspend_data when the page is left before the end, so
  // the LMS's next launch resumes it.
  report.lmsKeep = (data) => {
    suspend = data;
  };
  if (lms) window.addEventListener('pagehide', () => close(suspend));

  window.credoQuizReport = report;
  for (const [name, args] of window.credoQuizReportQueue ?? []) report[name](...args);
  window.credoQuizReportQueue = [];
})();
