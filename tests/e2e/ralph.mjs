// A real xAPI LRS for the end-to-end tests: Ralph (ralph-malph, scripts/setup puts it in .venv-ralph) on its file-system backend.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, freePort } from './support.mjs';

export const RALPH_VENV = join(ROOT, '.venv-ralph');
const PYTHON = join(RALPH_VENV, 'bin/python');
const RALPH = join(RALPH_VENV, 'bin/ralph');

// Not `ralph runserver`: that runs uvicorn with a file-watching reloader and a worker process, and gives no
// way in for the one fix below. Ralph 5.1.0's fs LRS backend writes with operation "create", so the first
// POST makes fs_lrs.jsonl and every later one fails with 500 "Statements bulk indexation failed"; append.
const SERVER = `
import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
`;

// Ralph's generic xAPI 1.0.3 statement model, far stricter than what its LRS checks on POST (only actor,
// id, verb.id and object.id): interaction definitions, score ranges, language maps, durations, IRIs.
const VALIDATE = `
import json, sys
from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement
out = []
for i, s in enumerate(json.load(sys.stdin)):
    try:
        BaseXapiStatement.model_validate(s)
    except ValidationError as e:
        out.append({"index": i, "errors": [".".join(map(str, x["loc"])) + ": " + x["msg"] for x in e.errors()]})
print(json.dumps(out))
`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts Ralph on 127.0.0.1 with a fresh data directory and one user, and waits until it answers.
 *  `corsOrigins`: exact origins (scheme://host:port) that may call it from a page; none by default,
 *  and then a cross-origin preflight gets 405 with no CORS headers. */
export async function startRalph({ port, corsOrigins = [], maxHits } = {}) {
  if (!existsSync(RALPH)) throw new Error(`${RALPH} is missing: run scripts/setup --test`);
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'credo-quiz-ralph-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const logFile = join(dir, 'ralph.log');
  const env = {
    ...process.env,
    RALPH_APP_DIR: dir,
    RALPH_AUTH_FILE: join(dir, 'auth.json'),
    RALPH_RUNSERVER_BACKEND: 'fs',
    RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: dataDir,
  };
  if (corsOrigins.length) env.RALPH_RUNSERVER_CORS_ALLOW_ORIGINS = JSON.stringify(corsOrigins);
  if (maxHits) env.RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT = String(maxHits);

  const username = 'credo-quiz';
  const password = randomBytes(12).toString('hex');
  // -A is "name homePage": the agent that Ralph writes as each stored statement's authority.
  execFileSync(RALPH, ['auth', '-u', username, '-p', password, '-s', 'all', '-A', username, 'https://lrs.credo-quiz.test', '-w'],
    { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });

  const url = `http://127.0.0.1:${port}`;
  const authorization = 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
  let child = null;
  let exited = null; // { code, signal } once the current child has exited
  let gone = null; // resolves when it has
  const kill = () => { if (child && !exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.on('exit', kill);

  async function start() {
    if (child && !exited) throw new Error('Ralph is already running');
    const out = openSync(logFile, 'a');
    // Its own process group (detached), so that stop() ends it and anything it started; cwd is the temp
    // dir because Ralph's settings also read a .env file from the working directory.
    child = spawn(PYTHON, ['-c', SERVER, String(port)], { cwd: dir, env, detached: true, stdio: ['ignore', out, out] });
    closeSync(out);
    child.unref(); // a test that forgets stop() still ends: the exit hook above kills the group
    exited = null;
    gone = new Promise((resolve) => child.once('exit', (code, signal) => { exited = { code, signal }; resolve(); }));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) throw new Error(`Ralph exited (${JSON.stringify(exited)}):\n${log()}`);
      try { if ((await fetch(url + '/__heartbeat__')).ok) return; } catch { /* not listening yet */ }
      if (Date.now() > deadline) { await stop(); throw new Error(`Ralph did not answer on ${url} in 30 s:\n${log()}`); }
      await sleep(50);
    }
  }

  /** Ends the server (SIGTERM to its process group, SIGKILL after 5 s) and waits until it has exited. */
  async function stop() {
    if (!child || exited) return;
    const pid = child.pid;
    try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
    const timer = setTimeout(() => { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await gone;
    clearTimeout(timer);
    try { process.kill(-pid, 'SIGKILL'); } catch { /* nothing left in the group */ }
  }

  function log() {
    try { return readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'); } catch { return ''; }
  }

  const headers = (extra = {}) => ({ Authorization: authorization, 'X-Experience-API-Version': '1.0.3', ...extra });

  /** POSTs a statement or an array of them; resolves to { status, body } (body parsed when JSON). */
  async function post(statements) {
    const res = await fetch(url + '/xAPI/statements', {
      method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(statements),
    });
    const text = await res.text();
    let body = text;
    try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, body };
  }

  /** Every stored statement matching `query`, following `more` links, in the order they were stored.
   *  Ralph 5.1.0's fs backend never matches `verb` or `activity` (it compares an IRI object with a
   *  string), so those two are applied here: `activity` against object.id, and also the context
   *  activities when `related_activities` is true. Other xAPI parameters go to the server. */
  async function statements(query = {}) {
    const { verb, activity, related_activities: related, ...rest } = query;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(rest)) params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    let next = '/xAPI/statements' + (params.size ? `?${params}` : '');
    const all = [];
    for (let page = 0; next; page++) {
      if (page > 1000) throw new Error('more than 1000 pages of statements');
      const res = await fetch(url + next, { headers: headers() });
      if (!res.ok) throw new Error(`GET ${next}: ${res.status} ${await res.text()}`);
      const body = await res.json();
      all.push(...body.statements);
      next = body.more || null;
    }
    const activities = (s) => [s.object?.id, ...(related ? Object.values(s.context?.contextActivities ?? {}).flat().map((a) => a?.id) : [])];
    return all.filter((s) => (!verb || s.verb?.id === verb) && (!activity || activities(s).includes(activity)));
  }

  /** Checks statements against xAPI 1.0.3 (Ralph's BaseXapiStatement model); [] when all are valid,
   *  else [{ index, errors: ['path: message', ...] }]. */
  function validate(list) {
    const out = execFileSync(PYTHON, ['-c', VALIDATE], { cwd: dir, env, input: JSON.stringify([].concat(list)) });
    return JSON.parse(out.toString());
  }

  await start();
  return {
    url, port, dir, dataDir, username, password, authorization,
    endpoint: url + '/xAPI/',
    statements, post, validate, log, start, stop,
    get pid() { return child && !exited ? child.pid : null; },
  };
}
