// The setup the tests of a paper's account (sync-claim*.test.js) share: the worker signed in to the fake server
// as a@example.com (signed-in.js), the sync engine and library on it, and the network switched off and on.
import './fake-chrome.js';
import { fakeServer } from './fake-server.js';
import './signed-in.js';

export const server = fakeServer();
const serve = globalThis.fetch;
export const sync = await import('../sync.js');
export const library = await import('../library.js');
export const { otherAccountPapers } = await import('../../lib/other-account.js');

export const local = /** @type {any} */ (chrome.storage.local);
export const S = 'http://sync.test';
export const A = `${S}|a@example.com`;
/** The signed-in session as signed-in.js stored it, to sign in again after a sign-out. */
export const session = structuredClone(globalThis.fakeIdb.get('session'));
/** @param {string} id */
export const record = async (id) => (await local.get(`paper:${id}`))[`paper:${id}`];
/** @param {string} id @param {string} title */
export const paper = (id, title) => ({ id, title, authors: ['A. Author'], abstract: '', url: `https://arxiv.org/abs/${id.slice(6)}` });
/** The network down: every request fails as fetch does without a connection. */
export const offline = () => { globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); }; };
export const online = () => { globalThis.fetch = serve; };
/** The error a sign-in to email with choice is refused with, or null. @param {string} email @param {any} choice */
export const refusal = (email, choice) => sync.chooseForSignIn(S, email, choice).then(() => null, (e) => e);
