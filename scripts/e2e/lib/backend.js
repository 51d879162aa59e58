// The real sync server for browser tests: backend/cmd/server built once per test process and run on a free
// loopback port over a SQLite file in a temporary folder, with cheap password hashing and rate limits out of
// the way. Tests stop, SIGKILL and restart it (same port, same file) and read its state through its API.
import { before, after } from 'node:test';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './browser.js';

/** @type {Promise<string>|null} the built server binary, shared by every Backend of this process */
let built = null;

/**
 * Builds backend/cmd/server once (PAPERGIST_SERVER_BIN names a prebuilt binary instead). The binary lives in a
 * temporary folder removed when the process exits.
 * @returns {Promise<string>} the binary's path
 */
export function buildServer() {
  if (process.env.PAPERGIST_SERVER_BIN) return Promise.resolve(process.env.PAPERGIST_SERVER_BIN);
  built ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'papergist-server-bin-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const bin = path.join(dir, 'papergist-server');
    try {
      await promisify(execFile)(process.env.GO || 'go', ['build', '-o', bin, './backend/cmd/server'], { cwd: ROOT });
    } catch (err) {
      throw new Error(`go build ./backend/cmd/server failed: ${err.stderr || err.message}`);
    }
    return bin;
  })();
  return built;
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh email address, unique within the run. */
export function newEmail(prefix = 'e2e') {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@example.com`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The papergist server as a child process.
 *
 *   const backend = await new Backend().start();
 *   const { access_token } = await backend.register(newEmail(), 'correct horse battery');
 *   const { status, body } = await backend.api('GET', '/v1/sync?since=0', { token: access_token });
 *   await backend.dispose();
 */
export class Backend {
  /**
   * @param {{env?: Record<string, string>}} [opts] env is added to (and overrides) the server's environment.
   */
  constructor(opts = {}) {
    this.env = opts.env || {};
    /** The JWT key: fixed for this Backend, so that tokens stay valid across restarts. */
    this.secret = randomBytes(32).toString('hex');
    /** @type {string|null} */
    this.dir = null;
    /** @type {number|null} */
    this.port = null;
    /** @type {import('node:child_process').ChildProcess|null} */
    this.proc = null;
    /** The server's log lines (stdout and stderr), for failure messages. */
    this.log = [];
  }

  /** The server's base URL, such as http://127.0.0.1:41234 (no trailing slash). */
  get url() {
    if (this.port == null) throw new Error('Backend: not started');
    return `http://127.0.0.1:${this.port}`;
  }

  /** The SQLite file, kept across restarts. */
  get dbPath() {
    return path.join(this.dir, 'papergist.db');
  }

  /** Whether the server process is running. */
  get running() {
    return this.proc != null && this.proc.exitCode == null && this.proc.signalCode == null;
  }

  /** Starts the server (on a free port the first time, on the same port after) and waits for /healthz. */
  async start() {
    if (this.running) throw new Error('Backend: already running');
    const bin = await buildServer();
    this.dir ??= await mkdtemp(path.join(tmpdir(), 'papergist-backend-'));
    const fixedPort = this.port != null;
    // A free port can be taken between freePort() and the server's bind; a restart's port can still be held
    // for a moment by the process just stopped. Both are retried.
    for (let attempt = 1; ; attempt++) {
      if (!fixedPort) this.port = await freePort();
      try {
        await this.#launch(bin);
        return this;
      } catch (err) {
        const busy = /address already in use/i.test(String(err.message));
        if (!busy || attempt >= 20) throw err;
        await sleep(fixedPort ? 100 : 10);
      }
    }
  }

  async #launch(bin) {
    const proc = spawn(bin, ['-addr', `127.0.0.1:${this.port}`, '-db', this.dbPath], {
      env: {
        ...process.env,
        PAPERGIST_JWT_SECRET: this.secret,
        PAPERGIST_ARGON2: '1,256,1', // tests are not about hash cost
        PAPERGIST_REGISTER_PER_ADDRESS: '100000',
        PAPERGIST_LOGIN_PER_ADDRESS: '100000',
        PAPERGIST_LOGIN_PER_ACCOUNT: '100000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    const keep = (chunk) => {
      for (const line of String(chunk).split('\n')) if (line) this.log.push(line);
      if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    };
    proc.stdout.on('data', keep);
    proc.stderr.on('data', keep);
    // 'close' comes after the output streams ended, so the log holds the reason of an early exit.
    const exited = new Promise((resolve) => proc.once('close', (code, signal) => resolve({ code, signal })));
    proc.exited = exited;
    const deadline = Date.now() + 15_000;
    let gone = null;
    exited.then((e) => { gone = e; });
    while (Date.now() < deadline) {
      if (gone) {
        this.proc = null;
        throw new Error(`papergist server exited (${gone.code ?? gone.signal}) before it was healthy:\n${this.logTail()}`);
      }
      try {
        const r = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(25);
    }
    proc.kill('SIGKILL');
    await exited;
    this.proc = null;
    throw new Error(`papergist server not healthy at ${this.url}/healthz within 15 s:\n${this.logTail()}`);
  }

  /** The last lines the server logged. */
  logTail(n = 20) {
    return this.log.slice(-n).join('\n');
  }

  /** Stops the server gracefully (SIGTERM, then SIGKILL after 10 s). */
  async stop() {
    await this.#signal('SIGTERM', 10_000);
  }

  /** Kills the server with SIGKILL, as a crash would. */
  async kill() {
    await this.#signal('SIGKILL', 10_000);
  }

  async #signal(signal, timeout) {
    const proc = this.proc;
    if (!proc) return;
    this.proc = null;
    if (proc.exitCode == null && proc.signalCode == null) {
      proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), timeout);
      await proc.exited;
      clearTimeout(t);
    }
  }

  /** Stops the server (if running) and starts it again on the same port over the same database file. */
  async restart() {
    await this.stop();
    await this.start();
    return this;
  }

  /** Kills the server and removes its database. */
  async dispose() {
    await this.kill();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  /**
   * One request to the server.
   * @param {string} method
   * @param {string} apiPath such as /v1/items
   * @param {{token?: string, body?: any, headers?: Record<string, string>}} [opts] body is sent as JSON
   * @returns {Promise<{status: number, body: any, headers: Headers}>} body parsed as JSON when it is JSON, else text
   */
  async api(method, apiPath, { token, body, headers = {} } = {}) {
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    if (body !== undefined) h['Content-Type'] ??= 'application/json';
    const r = await fetch(this.url + apiPath, {
      method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await r.text();
    let parsed = text;
    if ((r.headers.get('content-type') || '').includes('json') && text) parsed = JSON.parse(text);
    return { status: r.status, body: parsed, headers: r.headers };
  }

  /**
   * Creates an account and returns its session as the server sends it, plus token (= access_token) for api().
   * @returns {Promise<{token: string, access_token: string, refresh_token: string, device_id: string,
   *   user: {id: string, email: string}}>}
   */
  async register(email, password, deviceName = 'e2e helper') {
    return this.#session('/v1/auth/register', 201, email, password, deviceName);
  }

  /** Logs in (a new device of the account) and returns its session. */
  async login(email, password, deviceName = 'e2e helper') {
    return this.#session('/v1/auth/login', 200, email, password, deviceName);
  }

  async #session(apiPath, want, email, password, deviceName) {
    const r = await this.api('POST', apiPath, { body: { email, password, device_name: deviceName } });
    if (r.status !== want) throw new Error(`POST ${apiPath}: ${r.status} ${JSON.stringify(r.body)}`);
    return { token: r.body.access_token, ...r.body };
  }
}

/**
 * The server for a test file's tests, and the browsers they start: registers the file's before hook, which starts
 * the server, and its after hook, which disposes of every browser the tests pushed onto browsers, then of the server
 * (also of one whose start failed, so that its temporary folder goes).
 *
 *   const { backend, browsers } = backendForFile();
 *
 * @template {{start(): Promise<any>, dispose(): Promise<any>}} [S=Backend]
 * @param {S} [server] another server than a new Backend (one elsewhere, behind a proxy), started the same way
 * @returns {{backend: S, browsers: {dispose(): Promise<any>}[]}}
 */
export function backendForFile(server = /** @type {S} */ (/** @type {unknown} */ (new Backend()))) {
  /** @type {{dispose(): Promise<any>}[]} */
  const browsers = [];
  let started = false;
  before(async () => {
    await server.start();
    started = true;
  });
  after(async () => {
    for (const b of browsers) await b.dispose().catch(() => {});
    if (started) await server.dispose();
    // A start that failed may have made the server's folder (a Backend makes it before the launch): removed too.
    // Its errors are not reported: the failed start already failed the file (an ExternalServer has nothing to close).
    else await Promise.resolve().then(() => server.dispose()).catch(() => {});
  });
  return { backend: server, browsers };
}

/** Whether the Go toolchain is there to build the server (tests skip with a clear message when not). */
export function canBuildServer() {
  if (process.env.PAPERGIST_SERVER_BIN) return existsSync(process.env.PAPERGIST_SERVER_BIN);
  return (process.env.PATH || '').split(path.delimiter).some((d) => existsSync(path.join(d, process.env.GO || 'go')));
}
