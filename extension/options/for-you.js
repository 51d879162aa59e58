// The options page's For-you switch: whether listings mark their papers closest to the library (background/for-you.js).
import { MSG, send, sentenceOf } from '../lib/messages.js';

const box = /** @type {HTMLInputElement} */ (document.querySelector('#for-you'));

async function load() {
  box.checked = (await send(MSG.FOR_YOU)).on;
  box.disabled = false;
}

box.addEventListener('change', async () => {
  box.disabled = true;
  try {
    box.checked = (await send(MSG.FOR_YOU, { on: box.checked })).on;
  } catch (err) {
    box.checked = !box.checked;
    box.title = sentenceOf(err);
  } finally {
    box.disabled = false;
  }
});

load().catch((err) => {
  box.title = sentenceOf(err);
});
