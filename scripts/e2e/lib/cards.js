// Cards as the user sees and clicks them. Their shadow roots are closed, so neither the page's scripts nor
// playwright's locators reach inside; Chrome's DevTools protocol does (DevTools shows closed roots too), and no
// page script can observe it. Clicks are real mouse clicks at the button's place (trusted events). Firefox's
// half, over WebDriver BiDi, is bidi.js; browsers.js gives tests one face over both.

/** @type {WeakMap<import('playwright-core').Page, Promise<import('playwright-core').CDPSession>>} */
const sessions = new WeakMap();

/** The page's DevTools session, made once. */
export function cdpOf(page) {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  return sessions.get(page);
}

const attrsOf = (node) => {
  const a = {};
  for (let i = 0; i + 1 < (node.attributes || []).length; i += 2) a[node.attributes[i]] = node.attributes[i + 1];
  return a;
};

/** Every node under node, shadow roots included, depth first. */
function* walk(node) {
  yield node;
  for (const r of node.shadowRoots || []) yield* walk(r);
  for (const c of node.children || []) yield* walk(c);
}

const hasClass = (node, cls) => node.nodeType === 1 && (attrsOf(node).class || '').split(/\s+/).includes(cls);
const find = (node, pred) => {
  for (const n of walk(node)) if (pred(n)) return n;
  return null;
};
const textOf = (node) => {
  if (!node) return '';
  let s = '';
  for (const n of walk(node)) if (n.nodeType === 3) s += n.nodeValue;
  return s;
};

/**
 * What a card shows, read from the DOM tree the protocol reports.
 * @returns {{id: string, state: string, saved: 'true'|'false', button: string, tldr: string, phrases: string[],
 *   status: string, shadowMode: string, hostAttributes: Record<string, string>, elements: string[],
 *   buttonNode: number, forYou: string, picked: boolean}} elements: the tag names inside the shadow root;
 *   forYou: the For-you mark's text ('' when the card has none); picked: outlined by the digest's For-you section
 */
export function cardView(host) {
  const attrs = attrsOf(host);
  const root = (host.shadowRoots || [])[0];
  const button = root && find(root, (n) => n.localName === 'button' && hasClass(n, 'save'));
  const tldr = root && find(root, (n) => hasClass(n, 'tldr'));
  const phrases = root && find(root, (n) => hasClass(n, 'phrases'));
  const card = root && find(root, (n) => hasClass(n, 'card'));
  const mark = root && find(root, (n) => hasClass(n, 'foryou'));
  return {
    id: attrs['data-paper-id'],
    state: card ? attrsOf(card)['data-state'] : undefined,
    saved: button && attrsOf(button)['aria-pressed'] === 'true' ? 'true' : 'false',
    button: textOf(button),
    tldr: textOf(tldr && find(tldr, (n) => hasClass(n, 'text'))),
    phrases: phrases ? (phrases.children || []).filter((n) => n.localName === 'li').map(textOf) : [],
    status: textOf(root && find(root, (n) => hasClass(n, 'status'))),
    shadowMode: root ? root.shadowRootType : 'none',
    hostAttributes: attrs,
    elements: root ? [...walk(root)].filter((n) => n.nodeType === 1).map((n) => n.localName) : [],
    buttonNode: button ? button.backendNodeId : 0,
    forYou: mark && !('hidden' in attrsOf(mark)) ? textOf(mark) : '',
    picked: Boolean(card && hasClass(card, 'picked')),
  };
}

/** Every card on the page, in page order, with what its shadow root shows. */
export async function cardsOf(page) {
  const cdp = await cdpOf(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const out = [];
  for (const n of walk(root)) if (n.localName === 'papergist-card') out.push(cardView(n));
  return out;
}

/** The card of one paper, or undefined. */
export async function cardOf(page, id) {
  return (await cardsOf(page)).find((c) => c.id === id);
}

/** Waits until the paper's card shows it saved (or not). */
export async function waitForSaved(page, id, saved = true, timeout = 30_000) {
  const want = String(saved);
  const end = Date.now() + timeout;
  for (;;) {
    const c = await cardOf(page, id);
    if (c && c.saved === want) return c;
    if (Date.now() > end) throw new Error(`the card of ${id} does not show saved=${want} (it shows ${c ? c.saved : 'no card'})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The centre of a node in the viewport, scrolled to the middle of it first (clear of the fixed digest button). */
async function centreOf(page, backendNodeId) {
  const cdp = await cdpOf(page);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
  await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId, functionDeclaration: 'function () { this.scrollIntoView({ block: "center", inline: "center" }); }',
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId });
  if (!quads.length) throw new Error('the node is not shown');
  const q = quads[0];
  return { x: (q[0] + q[2] + q[4] + q[6]) / 4, y: (q[1] + q[3] + q[5] + q[7]) / 4 };
}

/** Clicks the paper's Save button with the mouse, as a user does (a trusted click). */
export async function clickSave(page, id) {
  const c = await cardOf(page, id);
  if (!c || !c.buttonNode) throw new Error(`no card with a Save button for ${id}`);
  const { x, y } = await centreOf(page, c.buttonNode);
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-paper-id'), { x, y });
  if (hit !== id) throw new Error(`the Save button of ${id} is covered at (${x}, ${y}) by ${hit}`);
  await page.mouse.click(x, y);
}

/**
 * Runs fn(root, arg) in the page with the shadow root, open or closed, of the first element that hostSelector
 * matches, and returns its result through JSON.
 * @param {import('playwright-core').Page} page @param {string} hostSelector
 * @param {(root: ShadowRoot, arg: any) => any} fn
 */
export async function inShadow(page, hostSelector, fn, arg) {
  const cdp = await cdpOf(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: hostSelector });
  if (!nodeId) throw new Error(`no ${hostSelector} on the page`);
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const shadow = (node.shadowRoots || [])[0];
  if (!shadow) throw new Error(`${hostSelector} has no shadow root`);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `async function (arg) { return JSON.stringify(await (${fn})(this, JSON.parse(arg))); }`,
      arguments: [{ value: JSON.stringify(arg ?? null) }],
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
    return result.value === undefined ? undefined : JSON.parse(result.value);
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  }
}

/**
 * For inShadow: scrolls the element root.querySelector(selector) to the middle of the viewport and returns its
 * centre, or why it cannot be clicked there (absent, or covered by another element).
 * @returns {{x: number, y: number, error?: string}}
 */
export function centreInShadow(root, selector) {
  const e = root.querySelector(selector);
  if (!e) return { x: 0, y: 0, error: `nothing matches ${selector}` };
  e.scrollIntoView({ block: 'center', inline: 'center' });
  const r = e.getBoundingClientRect();
  const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
  const hit = root.elementFromPoint(x, y); // inside the root, or what covers it
  if (!hit || !(hit === e || e.contains(hit))) return { x, y, error: `${selector} is covered at (${x}, ${y}) by ${hit?.localName}` };
  return { x, y };
}

/**
 * Clicks the paper's Save button from a script in the page's own world, holding the button as if the closed
 * root had leaked it: an untrusted click, which the card must ignore.
 */
export async function scriptClickSave(page, id) {
  const c = await cardOf(page, id);
  const cdp = await cdpOf(page);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: c.buttonNode });
  await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
}

/**
 * Evaluates expression in the content script's world of the page's main frame (the isolated world Chrome gives
 * the extension's content script), awaiting a promise, and returns the value.
 * @param {import('playwright-core').Page} page @param {string} extensionId @param {string} expression
 */
export async function inContentScript(page, extensionId, expression) {
  const cdp = await cdpOf(page);
  if (!worlds.has(cdp)) {
    const contexts = new Map();
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
    worlds.set(cdp, contexts);
    await cdp.send('Runtime.enable'); // reports the contexts that exist, then each new one
  }
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ctx = [...worlds.get(cdp).values()].find((c) => c.auxData && c.auxData.frameId === frameTree.frame.id &&
    c.auxData.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  if (!ctx) throw new Error(`no content script world of ${extensionId} in ${page.url()}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression, contextId: ctx.id, awaitPromise: true, returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`in the content script world: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
  return result.value;
}

/** The execution contexts each session has reported. */
const worlds = new WeakMap();

/**
 * The digest's For-you section (<papergist-foryou>, a closed root inside the digest), read like the cards; null
 * when the page has none.
 * @returns {Promise<{shadowMode: string, heading: string, hint: string, offNode: number,
 *   items: {id: string, title: string, why: string, node: number}[]}|null>}
 */
export async function forYouOf(page) {
  const cdp = await cdpOf(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const host = find(root, (n) => n.localName === 'papergist-foryou');
  if (!host) return null;
  const r = (host.shadowRoots || [])[0];
  const off = r && find(r, (n) => n.localName === 'button' && hasClass(n, 'off'));
  const items = r ? [...walk(r)].filter((n) => n.localName === 'li').map((li) => ({
    id: attrsOf(find(li, (n) => n.localName === 'button'))['data-paper-id'],
    title: textOf(find(li, (n) => hasClass(n, 'title'))),
    why: textOf(find(li, (n) => hasClass(n, 'why'))),
    node: find(li, (n) => n.localName === 'button').backendNodeId,
  })) : [];
  return {
    shadowMode: r ? r.shadowRootType : 'none',
    heading: textOf(r && find(r, (n) => n.localName === 'h2')),
    hint: textOf(r && find(r, (n) => hasClass(n, 'hint'))),
    offNode: off ? off.backendNodeId : 0,
    items,
  };
}

/** A real mouse click on a node (found through the protocol, in a closed root too), scrolled into view first. */
export async function clickNode(page, backendNodeId) {
  const { x, y } = await centreOf(page, backendNodeId);
  await page.mouse.click(x, y);
}
