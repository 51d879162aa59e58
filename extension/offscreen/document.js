// Chrome's offscreen document, where the engine (offscreen.js) lives: it answers the service worker's messages
// (background/host.js), which come over a MessageChannel the worker hands it in one postMessage, not as runtime
// messages. A runtime message goes to every extension page that listens: this document would also receive every
// page a content script sends the worker, and copy it on its main thread, ahead of the worker's own request for
// the same page.
import { TARGET, answer } from '../lib/messages.js';
import './offscreen.js';

navigator.serviceWorker.onmessage = (event) => {
  const [port] = event.ports;
  if (!event.data?.connect || !port || !(event.source instanceof ServiceWorker)) return;
  const sender = { id: chrome.runtime.id, url: event.source.scriptURL };
  port.onmessage = async ({ data }) => {
    const { id, msg } = data || {};
    if (typeof id !== 'number') return;
    port.postMessage({ id, reply: await answer(TARGET.OFFSCREEN, msg, sender) });
  };
};
