// Cards in Firefox as the user sees and clicks them, over WebDriver BiDi (the Firefox half of cards.js). Their
// shadow roots are closed, so neither the page's scripts nor puppeteer's selectors reach inside; BiDi does: a
// node serialized with includeShadowTree 'all' carries its shadow root, closed too, as a node with a sharedId,
// which a later call takes back as an argument. The calls run in a sandbox realm of the page (as a content
// script's world), which the page's scripts cannot observe. Clicks are real mouse clicks at the element's place
// (input.performActions through puppeteer's page.mouse: trusted events).
import { cardView } from './cards.js';

const SANDBOX = 'papergist-tests';

/**
 * Calls fn(...args) in the sandbox of the page's main frame and returns BiDi's remote value, nodes serialized
 * depth levels deep with their shadow roots, open or closed.
 * @param {import('puppeteer-core').Page} page @param {Function|string} fn
 * @param {any[]} args BiDi local values ({type, value} or {sharedId})
 */
async function call(page, fn, args = [], depth = 0) {
  // puppeteer-core's BiDi connection and the frame's browsing context ID (internal in puppeteer-core 25)
  const connection = /** @type {any} */ (page.browser()).connection;
  const context = /** @type {any} */ (page.mainFrame())._id;
  if (!connection || !context) throw new Error('no WebDriver BiDi connection behind this page (puppeteer-core changed?)');
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: String(fn),
    arguments: args,
    awaitPromise: true,
    target: { context, sandbox: SANDBOX },
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: depth },
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails.text}`);
  return result.result;
}

const string = (value) => ({ type: 'string', value });

/** A node BiDi serialized, in the shape of CDP's DOM.Node, which cards.js reads. */
function asCDPNode({ value: v }) {
  return {
    nodeType: v.nodeType,
    localName: v.localName,
    nodeValue: v.nodeValue,
    attributes: Object.entries(v.attributes || {}).flat(),
    children: (v.children || []).map(asCDPNode),
    shadowRoots: v.shadowRoot ? [{ ...asCDPNode(v.shadowRoot), shadowRootType: v.shadowRoot.value.mode }] : [],
  };
}

/** Every card on the page, in page order, with what its shadow root shows (cards.js cardView; no buttonNode). */
export async function cardsOf(page) {
  const hosts = await call(page, () => [...document.querySelectorAll('papergist-card')], [], 64);
  return hosts.value.map((h) => ({ ...cardView(asCDPNode(h)), buttonNode: undefined }));
}

/**
 * Runs fn(root, arg) in the page with the shadow root, open or closed, of the first element that hostSelector
 * matches, and returns its result through JSON.
 * @param {import('puppeteer-core').Page} page @param {string} hostSelector
 * @param {(root: ShadowRoot, arg: any) => any} fn
 */
export async function inShadow(page, hostSelector, fn, arg) {
  const host = await call(page, (sel) => document.querySelector(sel), [string(hostSelector)]);
  if (host.type !== 'node') throw new Error(`no ${hostSelector} on the page`);
  const root = host.value.shadowRoot;
  if (!root) throw new Error(`${hostSelector} has no shadow root`);
  const out = await call(page, `async (root, arg) => JSON.stringify(await (${fn})(root, JSON.parse(arg)))`,
    [{ sharedId: root.sharedId }, string(JSON.stringify(arg ?? null))]);
  return out.type === 'string' ? JSON.parse(out.value) : undefined;
}
