// The sync server's address: what the options page accepts in its field and the background accepts at
// sign-in (one check for both, so the page's advice and the background's refusal never disagree).

/** The server suggested when none is set: the one `make run` starts. */
export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

/**
 * The origin of the server address typed in, or an Error that says what to type instead.
 * @param {string} raw
 * @returns {string} such as http://127.0.0.1:8080
 */
export function parseServer(raw) {
  const s = String(raw ?? '').trim();
  const example = `like ${DEFAULT_SERVER} or https://papergist.example.org`;
  if (!s) throw new Error(`Enter the server's address, ${example}.`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    throw new Error(`"${s}" is not a server address: start it with http:// or https://, like http://${s.replace(/^\/+/, '')}.`);
  }
  let u;
  try {
    u = new URL(s);
  } catch {
    throw new Error(`"${s}" is not a valid URL: enter one ${example}.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`The server address must start with http:// or https://, not ${u.protocol}//.`);
  }
  if (u.username || u.password) throw new Error('Leave the user name and password out of the server address.');
  if (u.pathname !== '/' || u.search || u.hash) {
    throw new Error(`Enter only the server's address, without a path: ${u.origin}.`);
  }
  return u.origin;
}
