// What a refusal says about the login: only the papergist server's own 401 (its JSON error) ends it. A proxy's or a
// Wi-Fi login page's 401, or a gateway's 502 page while the server behind it is down, keeps the session: the
// device stays signed in, and the error says what answered.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import './testing/signed-in.js';

const account = await import('./account.js');
const session = structuredClone(globalThis.fakeIdb.get('session'));

const page = (status, body, type = 'text/html') => () => new Response(body, { status, headers: { 'Content-Type': type } });
const json = (status, body) => page(status, JSON.stringify(body), 'application/json');
/** Every request answered by answer(); returns the paths asked for. */
function serve(answer) {
  const asked = [];
  globalThis.fetch = async (url, init = {}) => {
    asked.push(`${init.method || 'GET'} ${new URL(url).pathname}`);
    return answer();
  };
  return asked;
}

beforeEach(() => {
  // An access token that needs no refresh first, so that the request itself meets the answer.
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 });
});

test('a proxy\'s or a network login\'s 401 page keeps the login, and says what answered', async () => {
  for (const [what, answer] of [
    ['an HTML 401', page(401, '<html><body>Log in to the hotel Wi-Fi</body></html>')],
    ['an empty 401', page(401, '')],
    ['a 407', page(407, 'Proxy Authentication Required', 'text/plain')],
  ]) {
    serve(answer);
    const err = await account.api('GET', '/v1/devices').then(() => null, (e) => e);
    assert.ok(err, what);
    assert.notEqual(err.code, 'signed_out', what);
    assert.match(err.message, /^something between papergist and http:\/\/sync\.test asks for its own login \(HTTP 40[17], not from a papergist server\)/, what);
    assert.equal(err.offline, false, what);
    assert.ok(await account.account(), `${what}: still signed in`);
  }
});

test('a 401 page at the token refresh keeps the login too', async () => {
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() - 1000 }); // refresh first
  const asked = serve(page(401, '<html>auth required</html>'));
  const err = await account.api('GET', '/v1/devices').then(() => null, (e) => e);
  assert.deepEqual(asked, ['POST /v1/auth/refresh']);
  assert.notEqual(err.code, 'signed_out');
  assert.ok(await account.account(), 'still signed in');
});

test('a gateway\'s 502, 503 or 504 page is the server down: offline, not "not a papergist server"', async () => {
  for (const status of [502, 503, 504]) {
    serve(page(status, '<html><body>Bad gateway</body></html>'));
    const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
    assert.equal(err.offline, true, String(status));
    assert.equal(err.message, `cannot reach http://sync.test (HTTP ${status} from a proxy or gateway in between)`);
    assert.ok(await account.account());
  }
});

test('a page that is no papergist answer with another status is still named as such', async () => {
  for (const status of [404, 403]) {
    serve(page(status, '<html>hello</html>'));
    const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
    assert.equal(err.message, `http://sync.test is not a papergist server (HTTP ${status}, not JSON)`);
    assert.equal(err.offline, false);
  }
});

test('signed in, a Wi-Fi login page answering 200 (or 511) with HTML: a network in the way, offline, still signed in', async () => {
  for (const status of [200, 511]) {
    serve(page(status, '<html><body>Welcome to Hotel Wi-Fi. Accept the terms to continue.</body></html>'));
    const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
    assert.equal(err.message, `your server http://sync.test answered with a web page, not papergist (HTTP ${status}): a network ` +
      'login page may be in the way; open any web page in a tab to sign in to the network');
    // Its code is papergist's own, which the status keeps and the popup reads (NETWORK_LOGIN), not the server's.
    assert.deepEqual([err.offline, err.gateway, err.status, err.code], [true, true, status, 'network_login'], 'retried with a gateway\'s backoff');
    assert.ok(await account.account(), 'still signed in');
  }
});

test('a login page at the token refresh, as a page or as JSON without the tokens, keeps the login and its tokens', async () => {
  for (const answer of [page(200, '<html>Train Wi-Fi: log in</html>'), json(200, { status: 'captive', login: 'https://portal.example' })]) {
    const before = { ...session, accessExp: Date.now() - 1000 }; // refresh first
    globalThis.fakeIdb.set('session', before);
    const asked = serve(answer);
    const err = await account.api('GET', '/v1/devices').then(() => null, (e) => e);
    assert.deepEqual(asked, ['POST /v1/auth/refresh']);
    assert.equal(err.offline, true);
    assert.match(err.message, /^your server http:\/\/sync\.test answered with .*, not papergist \(HTTP 200\): a network login page may be in the way; /);
    assert.deepEqual(globalThis.fakeIdb.get('session'), before, 'the session as it was: its refresh token not lost');
  }
});

test('an https server answering a web page, an empty body or JSON of the wrong shape: named as it is, never "cannot reach"', async () => {
  // No network login page can answer for https (the TLS handshake fails first): the page is the host's own.
  const https = { ...session, server: 'https://sync.test' };
  for (const status of [200, 511]) {
    globalThis.fakeIdb.set('session', { ...https, accessExp: Date.now() + 3600_000 });
    serve(page(status, '<html>This domain is for sale</html>'));
    const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
    assert.equal(err.message, `https://sync.test is not a papergist server (HTTP ${status}, not JSON)`);
    assert.equal(err.offline, false);
    assert.deepEqual(globalThis.fakeIdb.get('session').refresh, 'refresh', 'still signed in');
  }
  for (const answer of [page(200, '<html>index.html of the app behind the proxy</html>'), json(200, { captive: true }), page(200, '')]) {
    const before = { ...https, accessExp: Date.now() - 1000 }; // refresh first
    globalThis.fakeIdb.set('session', before);
    const asked = serve(answer);
    const err = await account.api('GET', '/v1/devices').then(() => null, (e) => e);
    assert.deepEqual(asked, ['POST /v1/auth/refresh']);
    assert.doesNotMatch(err.message, /cannot reach|login page/);
    assert.equal(err.offline, false);
    assert.deepEqual(globalThis.fakeIdb.get('session'), before, 'the session as it was');
  }
  // The sync engine's answers (sync.js pull and push): only http JSON with none of papergist's fields is a login page.
  const cases = [
    ['https://sync.test', { captive: true }, 'the server sent a pull answer papergist does not understand'],
    ['http://sync.test', { items: [], deleted: [], version: '7' }, 'the server sent a pull answer papergist does not understand'],
    ['http://sync.test', null, 'the server sent a pull answer papergist does not understand'], // an empty body
    ['http://sync.test', { captive: true }, 'your server http://sync.test answered with JSON of another app, not ' +
      'papergist (HTTP 200): a network login page may be in the way; open any web page in a tab to sign in to the network'],
  ];
  // A login page's JSON with error or code fields of its own shape is a login page's too; papergist's exact error
  // envelope is the server's.
  const portal = (base) => `your server ${base} answered with JSON of another app, not papergist (HTTP 200): a network ` +
    'login page may be in the way; open any web page in a tab to sign in to the network';
  const own = 'the server sent a pull answer papergist does not understand';
  cases.push(
    ['http://sync.test', { error: 'login required', code: 401 }, portal('http://sync.test')],
    ['http://sync.test', { error: { code: 'auth', message: 'Accept the terms' }, portal: 'https://wifi.example' }, portal('http://sync.test')],
    ['http://sync.test', { error: { code: 42, message: 'log in' } }, portal('http://sync.test')],
    ['http://sync.test', { error: { code: 'login', message: 'log in', redirect: '/terms' } }, portal('http://sync.test')],
    ['http://sync.test', { code: 'AUTH_REQUIRED' }, portal('http://sync.test')],
    ['http://sync.test', { error: { code: 'internal', message: 'internal error' } }, own],
    ['http://sync.test', { error: { code: 'unauthorized' } }, own],
    ['https://sync.test', { error: 'login required', code: 401 }, own],
  );
  for (const [base, data, message] of cases) {
    const err = account.foreignAnswer(base, 200, data, 'pull');
    assert.equal(err.message, message, `${base} ${JSON.stringify(data)}`);
    assert.equal(err.offline, /login page/.test(message));
  }
});

test('at sign-in, a page with 200 is no papergist server, and a network login page is named as a cause', async () => {
  for (const [answer, what] of [[page(200, '<html>Log in to the Wi-Fi</html>'), 'not JSON'],
    [json(200, { portal: true }), 'JSON without papergist\'s session']]) {
    serve(answer);
    const err = await signIn();
    assert.equal(err.message, `http://sync.test is not a papergist server (HTTP 200, ${what}): check the address, or sign in to ` +
      'your network\'s login page first (open any web page in a tab)');
    assert.equal(err.offline, false);
    assert.equal(await account.account(), null, 'not signed in');
  }
});

test('another web app\'s JSON error at that address is named as no papergist server, not "HTTP 404"', async () => {
  for (const status of [404, 405, 500]) {
    serve(json(status, { message: 'Not Found' }));
    const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
    assert.equal(err.message, `http://sync.test is not a papergist server (HTTP ${status}, no papergist error)`);
    assert.equal(err.status, status, 'the status kept for the sync engine\'s decisions');
  }
});

/** The server's own 401: its JSON error, with its realm (errors.go). */
const own401 = () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'invalid or expired token' } }),
  { status: 401, headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="papergist"' } });

test('the server\'s own 401 still ends the login: revoked from another device', async () => {
  const asked = serve(own401);
  const err = await account.api('GET', '/v1/devices').then(() => null, (e) => e);
  assert.deepEqual(asked, ['GET /v1/devices', 'POST /v1/auth/refresh']);
  assert.equal(err.code, 'signed_out');
  assert.equal(err.message, 'signed out: this device was signed out on the server; sign in again');
  assert.equal(await account.account(), null, 'signed out');
});

test('over http, a 401 with papergist\'s JSON but not its realm is a login page\'s: the login stays; over https it ends it', async () => {
  const body = { error: { code: 'login_required', message: 'Please accept the terms' }, portal: 'http://wifi.example/' };
  const envelope = { error: { code: 'unauthorized', message: 'invalid or expired token' } };
  for (const b of [body, envelope]) {
    for (const expired of [false, true]) {
      globalThis.fakeIdb.set('session', { ...session, accessExp: expired ? Date.now() - 1000 : Date.now() + 3600_000 });
      serve(json(401, b));
      const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
      assert.notEqual(err.code, 'signed_out', `expired: ${expired}`);
      assert.equal(err.byServer, false);
      assert.match(err.message, /^something between papergist and http:\/\/sync\.test asks for its own login \(HTTP 401, not from a papergist server\): a proxy or a Wi-Fi login page\? Sign in to it in a tab/);
      assert.ok(await account.account(), `expired: ${expired}: still signed in`);
    }
  }
  // The same answer with the realm is the server's, and over https (no login page can answer there) so is one without.
  for (const [server, answer] of [['http://sync.test', own401], ['https://sync.test', json(401, envelope)]]) {
    globalThis.fakeIdb.set('session', { ...session, server, accessExp: Date.now() + 3600_000 });
    serve(answer);
    const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
    assert.equal(err.code, 'signed_out', server);
    assert.equal(await account.account(), null, `${server}: signed out`);
  }
});

test('the server\'s own JSON 503 is offline, with its words', async () => {
  serve(json(503, { error: { code: 'unavailable', message: 'the database is busy' } }));
  const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
  assert.deepEqual([err.offline, err.code, err.status, err.message], [true, 'unavailable', 503, 'the database is busy']);
});

const signIn = (server = 'http://sync.test') => {
  globalThis.fakeIdb.delete('session'); // no session yet
  return account.signIn({ server, email: 'a@example.com', password: 'pw' }).then(() => null, (e) => e);
};

test('at sign-in to an https address, no network login page is named: none can answer there', async () => {
  for (const [answer, what] of [[page(200, '<html>Parked domain</html>'), 'HTTP 200, not JSON'],
    [json(200, { portal: true }), 'HTTP 200, JSON without papergist\'s session'], [page(401, '<html>auth</html>'), 'HTTP 401, it asks for its own login']]) {
    serve(answer);
    const err = await signIn('https://sync.test');
    assert.equal(err.message, `https://sync.test is not a papergist server (${what}): check the address`);
    assert.equal(await account.account(), null, 'not signed in');
  }
});

test('at sign-in, another app\'s own login (HTML or JSON 401) says "not a papergist server", with no promise to retry', async () => {
  for (const [what, answer] of [
    ['a router page\'s basic auth', page(401, '<html>401 Authorization Required</html>')],
    ['Elasticsearch with security on', json(401, { error: { type: 'security_exception', reason: 'missing credentials' }, status: 401 })],
  ]) {
    serve(answer);
    const err = await signIn();
    assert.equal(err.message, 'http://sync.test is not a papergist server (HTTP 401, it asks for its own login): ' +
      'check the address, or sign in to your network\'s login page first', what);
    assert.doesNotMatch(err.message, /tries again/, what);
    assert.equal(await account.account(), null, `${what}: not signed in`);
  }
});

test('the server\'s 401 whose body a proxy replaced ends the login: its WWW-Authenticate names papergist\'s realm', async () => {
  const replaced = () => new Response('<html><body>401 Unauthorized (nginx error page)</body></html>', {
    status: 401, headers: { 'Content-Type': 'text/html', 'WWW-Authenticate': 'Bearer realm="papergist"' },
  });
  for (const expired of [false, true]) {
    globalThis.fakeIdb.set('session', { ...session, accessExp: expired ? Date.now() - 1000 : Date.now() + 3600_000 });
    const asked = serve(replaced);
    const err = await account.api('GET', '/v1/devices').then(() => null, (e) => e);
    assert.deepEqual(asked, expired ? ['POST /v1/auth/refresh'] : ['GET /v1/devices', 'POST /v1/auth/refresh']);
    assert.equal(err.code, 'signed_out', `expired: ${expired}`);
    assert.equal(err.byServer, true);
    assert.equal(await account.account(), null, 'signed out, as a revoke promises');
  }
  // Another realm (a proxy's own login) keeps the login.
  serve(() => new Response('<html>login</html>', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="corp proxy"' } }));
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() + 3600_000 });
  const err = await account.api('GET', '/v1/devices').then(() => null, (e) => e);
  assert.notEqual(err.code, 'signed_out');
  assert.ok(await account.account(), 'still signed in');
});

test('one rule for papergist\'s error shape: an "error" object without a string code is another app\'s', async () => {
  for (const body of [{ error: { message: 'Not found' } }, { error: { code: 404, message: 'Not found' } }, { error: { code: '' } }]) {
    serve(json(404, body));
    const err = await signIn();
    assert.equal(err.message, 'http://sync.test is not a papergist server (HTTP 404, no papergist error)', JSON.stringify(body));
    assert.equal(err.code, '', 'a code is always a string, the API\'s');
  }
  assert.deepEqual(account.ownError({ error: { code: 'unauthorized', message: 'x' } }), { code: 'unauthorized', message: 'x' });
  for (const not of [null, 'x', [], { error: 'x' }, { error: { code: 401 } }, { message: 'Not Found' }]) assert.equal(account.ownError(not), null);
});

test('a gateway\'s page carries its Retry-After, in ms, and says it came from in between', async () => {
  for (const [header, want] of [['120', 120_000], [new Date(Date.now() + 60_000).toUTCString(), 60_000], [null, 0], ['soon', 0]]) {
    serve(() => new Response('<html>Service Unavailable</html>', { status: 503, headers: header ? { 'Retry-After': header } : {} }));
    const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
    assert.equal(err.offline, true);
    assert.equal(err.gateway, true);
    assert.ok(Math.abs(err.retryAfter - want) <= 1000, `${header}: ${err.retryAfter}`);
  }
  serve(json(503, { error: { code: 'unavailable', message: 'busy' } }));
  const err = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
  assert.equal(err.gateway, false, 'the server\'s own 503');
});

test('a request that finds the session gone after the server ended it says why, as the request that learnt it', async () => {
  // The long poll's refresh is refused (revoked on another device) and the session goes; a sync round's request
  // that started before reads no session afterwards. Both say "sign in again", whichever ran first.
  serve(own401);
  const first = await account.api('GET', '/v1/sync/wait').then(() => null, (e) => e);
  assert.equal(first.byServer, true);
  const later = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
  assert.deepEqual([later.code, later.byServer, later.message], ['signed_out', true, first.message]);
  assert.equal(await account.endedReason(), first.message);

  // Signed in again: the reason is gone; signed out here: a bare "signed out", never the server's words.
  serve(json(200, { access_token: 'a2', refresh_token: 'r2', expires_in: 3600, device_id: 'dev-2', user: { email: 'a@example.com' } }));
  assert.equal(await account.signIn({ server: 'http://sync.test', email: 'a@example.com', password: 'pw' }).then(() => null, (e) => e), null);
  assert.equal(await account.endedReason(), '');
  await account.signOut();
  const mine = await account.api('GET', '/v1/sync?since=0').then(() => null, (e) => e);
  assert.deepEqual([mine.code, mine.byServer, mine.message], ['signed_out', false, 'signed out']);
  assert.equal(await account.endedReason(), '');
});

/** A fetch whose refresh answers only when the test says, with answer; everything else as others(). */
function slowRefresh(answer, others) {
  let release;
  const held = new Promise((r) => { release = r; });
  globalThis.fetch = async (url) => (new URL(url).pathname === '/v1/auth/refresh' ? held.then(answer) : others());
  return () => release();
}
const login = json(200, { access_token: 'a2', refresh_token: 'r2', expires_in: 3600, device_id: 'dev-2', user: { email: 'a@example.com' } });

test('a refresh that answers after a sign-out and a new sign-in here neither ends nor replaces the new login', async () => {
  for (const [what, answer] of [['refused', own401], ['granted', json(200, { access_token: 'old', refresh_token: 'old-r', expires_in: 3600, device_id: 'dev-1', user: { email: 'a@example.com' } })]]) {
    globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() - 1000 }); // due for a refresh
    const release = slowRefresh(answer, json(200, {}));
    const poll = account.api('GET', '/v1/sync/wait', { expect: session.deviceId }).then(() => null, (e) => e);
    await new Promise((r) => setTimeout(r, 10)); // the refresh is out
    await account.signOut();
    serve(login);
    assert.equal(await account.signIn({ server: 'http://sync.test', email: 'a@example.com', password: 'pw' }).then(() => null, (e) => e), null);
    serve(json(200, { devices: [] })); // any later request
    release(); // the old refresh's answer comes now
    const err = await poll;
    assert.deepEqual([err.code, err.byServer, err.message], ['signed_out', false, 'signed out'], `${what}: the old login's work stops, not blamed on the server`);
    const now = await account.session();
    assert.deepEqual([now && now.deviceId, now && now.refresh], ['dev-2', 'r2'], `${what}: the new login stays as it signed in`);
    assert.equal(await account.endedReason(), '', what);
  }
});

test('a sign-out here leaves no "signed out on the server", whichever 401 came first', async () => {
  // The logout's own 401 reaches a refresh before the sign-out has deleted the session.
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() - 1000 });
  serve(own401);
  const refreshed = account.api('GET', '/v1/sync/wait').then(() => null, (e) => e);
  await account.signOut();
  await refreshed;
  assert.equal(await account.endedReason(), '');
  // The server ended the login first; the user signs out all the same (nothing left to sign out of).
  globalThis.fakeIdb.set('session', { ...session, accessExp: Date.now() - 1000 });
  serve(own401);
  assert.equal((await account.api('GET', '/v1/sync/wait').then(() => null, (e) => e)).byServer, true);
  assert.match(await account.endedReason(), /sign in again/);
  await account.signOut();
  assert.equal(await account.endedReason(), '');
});
