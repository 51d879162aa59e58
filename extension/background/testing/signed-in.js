// The worker's globals for a node test of the sync engine, signed in to the fake server (fake-server.js) as one
// device: import this before sync.js, which reads the session at import.
import './fake-chrome.js';

globalThis.navigator ??= /** @type {any} */ ({ onLine: true });
globalThis.self ??= /** @type {any} */ (new EventTarget());
globalThis.fakeIdb ??= new Map();
globalThis.fakeIdb.set('session', { server: 'http://sync.test', email: 'a@example.com', deviceId: 'dev-1',
  deviceName: 'test', access: 'token', accessExp: Date.now() + 3600_000, refresh: 'refresh' });
