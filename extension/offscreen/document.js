// Chrome's offscreen document, where the engine (offscreen.js) lives: it answers the service worker's messages
// (background/host.js), which come over a MessageChannel the worker hands it in one postMessage, not as runtime
// messages. A runtime message goes to every extension page that listens: this document would also receive every
// page a content script sends the worker, and copy it on its main thread, ahead of the worker's own request for
// the same page.
import { TARGET, PORT, answer } from '../lib/messages.js';
import './offscreen.js';

/** @type {Set<chrome.runtime.Port>} the ports that tell a worker this document is gone (kept from collection) */
const lifelines = new Set();

navigator.serviceWorker.onmessage = (event) => {
  const [port] = event.ports;
  if (!event.data?.connect || !port || !(event.source instanceof ServiceWorker)) return;
  const sender = { id: chrome.runtime.id, url: event.source.scriptURL };
  // The worker learns that this document went away when this port disconnects (background/host.js).
  if (typeof event.data.token === 'string') {
    const life = chrome.runtime.connect({ name: `${PORT.ENGINE}#${event.data.token}` });
    lifelines.add(life);
    life.onDisconnect.addListener(() => lifelines.delete(life)); // that worker stopped
  }
  port.onmessage = async ({ data }) => {
    const { id, msg } = data || {};
    if (typeof id !== 'number') return;
    port.postMessage({ id, reply: await answer(TARGET.OFFSCREEN, msg, sender) });
  };
};
