// Chrome's offscreen document, where the engine (offscreen.js) lives: it answers the service worker's messages
// (background/host.js), which come by postMessage, not as runtime messages. A runtime message goes to every
// extension page that listens: this document would also receive every page a content script sends the worker,
// and copy it on its main thread, ahead of the worker's own request for the same page.
import { TARGET, answer } from '../lib/messages.js';
import './offscreen.js';

const worker = navigator.serviceWorker;
worker.onmessage = async (event) => {
  const { id, msg } = event.data || {};
  if (typeof id !== 'string' || !(event.source instanceof ServiceWorker)) return;
  const reply = await answer(TARGET.OFFSCREEN, msg, { id: chrome.runtime.id, url: event.source.scriptURL });
  event.source.postMessage({ id, reply });
};
