// The options page's For-you switch: whether listings mark their papers closest to the library (background/for-you.js).
import { MSG, send, sentenceOf } from '../lib/messages.js';

const box = /** @type {HTMLInputElement} */ (document.querySelector('#for-you'));
const error = /** @type {HTMLElement} */ (document.querySelector('#for-you-error'));

/** Says why the switch failed under it ('' hides it): a tooltip alone is seen by nobody. @param {string} text */
function showError(text) {
  error.textContent = text;
  error.hidden = !text;
}

async function load() {
  box.checked = (await send(MSG.FOR_YOU)).on;
  box.disabled = false;
  showError('');
}

box.addEventListener('change', async () => {
  box.disabled = true;
  try {
    box.checked = (await send(MSG.FOR_YOU, { on: box.checked })).on;
    showError('');
  } catch (err) {
    box.checked = !box.checked;
    showError(`For you was not changed: ${sentenceOf(err)}`);
  } finally {
    box.disabled = false;
  }
});

load().catch((err) => {
  showError(`Cannot read the For-you setting: ${sentenceOf(err)}. Reload this page to try again.`);
});
