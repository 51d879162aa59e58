// The early answer: at document start, before the page is parsed and before the rest of the content script has
// loaded, ask the background for what it answered this URL last time (PORT.PAGE, background/recent-pages.js), so
// that it is here by the time the page is parsed, and a page seen lately shows its cards at once (index.js).
import { PORT } from '../lib/messages.js';

/**
 * earlyAnswer's value once it has come, to look at without waiting (index.js); null until then.
 * @type {{answer: import('../lib/messages.js').EarlyAnswer|null, at: number, asked: number}|null}
 */
export let earlyHere = null;

/**
 * The answer (null when the page was not seen lately, or the extension is gone), when it came (performance.now())
 * and when it was asked for (ms since the epoch, as the background's stamps on the answer), for the timing.
 * @type {Promise<{answer: import('../lib/messages.js').EarlyAnswer|null, at: number, asked: number}>}
 */
export const earlyAnswer = new Promise((resolve) => {
  const asked = performance.timeOrigin + performance.now();
  const done = (answer) => {
    if (earlyHere) return; // answered, then disconnected
    earlyHere = { answer: answer || null, at: performance.now(), asked };
    resolve(earlyHere);
  };
  try {
    const port = chrome.runtime.connect({ name: PORT.PAGE });
    port.onMessage.addListener(done);
    port.onDisconnect.addListener(() => {
      void chrome.runtime.lastError; // no background to answer (the extension is updating): no early answer
      done(null);
    });
  } catch (err) {
    console.warn('papergist: early answer', err); // the extension was reloaded or removed: the message fails too
    done(null);
  }
});
