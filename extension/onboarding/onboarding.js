// The first-run page (opened by background/first-run.js): asks for the listing sites with a click, since
// permissions.request needs one, and says what it got.
import { listingSites, siteNames } from './sites.js';

const status = document.getElementById('status');
const button = /** @type {HTMLButtonElement} */ (document.getElementById('allow'));

for (const name of siteNames()) {
  const li = document.createElement('li');
  li.textContent = name;
  document.getElementById('sites').append(li);
}

async function show() {
  const ok = await chrome.permissions.contains({ origins: listingSites() });
  button.hidden = ok;
  status.textContent = ok ? 'Done: papergist shows its cards on these sites. You can close this tab.' : '';
  document.body.dataset.granted = String(ok);
}

button.addEventListener('click', () => {
  // No await before request: it must run while the click is still the user's.
  chrome.permissions.request({ origins: listingSites() }).then(
    (granted) => (granted ? show() : (status.textContent = 'Not allowed: papergist will not show cards until you allow these sites.')),
    (err) => (status.textContent = `Could not ask: ${err.message}`),
  );
});
chrome.permissions.onAdded.addListener(show);
chrome.permissions.onRemoved.addListener(show);
show();
