// The floating control that opens the page digest: the For-you section, then topics, each a button that scrolls
// to its papers. The topics come from the page alone, in an open shadow root; the For-you section says what the
// library is like, so it lives in a closed root of its own (<papergist-foryou>) whose host has the same size
// whatever it shows: the page's scripts can neither read it nor measure how many papers it lists.

/** @typedef {import('../lib/messages.js').Topic} Topic */
/** @typedef {import('../lib/messages.js').ForYou} ForYou */
/** @typedef {import('../lib/messages.js').Pick} Pick */

const CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
.wrap { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.wrap.dark { color: #e6edf3; }
.toggle { font: inherit; padding: 6px 12px; border-radius: 999px; border: 1px solid #0969da; background: #0969da;
  color: #fff; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.panel { position: absolute; right: 0; bottom: 40px; width: 300px; max-height: 60vh; overflow: auto; padding: 8px;
  border-radius: 8px; border: 1px solid #d0d7de; background: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.dark .panel { background: #161b22; border-color: #3d444d; }
.panel[hidden] { display: none; }
h2 { font-size: 13px; margin: 2px 4px 6px; }
ul { list-style: none; margin: 0; padding: 0; }
li button { all: unset; box-sizing: border-box; display: flex; width: 100%; gap: 6px; padding: 4px 6px;
  border-radius: 4px; cursor: pointer; }
li button:hover, li button:focus-visible { background: rgba(9,105,218,.12); }
.count { margin-left: auto; opacity: .7; }
.empty { margin: 4px; opacity: .7; }
`;

const FOR_YOU_CSS = `
:host { all: initial; display: block; height: 9.5em; margin: 0 0 8px; contain: strict; }
.box { box-sizing: border-box; height: 100%; overflow: auto; padding: 4px; border-radius: 6px;
  border: 1px solid #8250df; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.box.dark { color: #e6edf3; border-color: #ab7df8; }
header { display: flex; align-items: baseline; gap: 6px; margin: 0 2px 4px; }
h2 { font-size: 13px; margin: 0; }
.off { all: unset; margin-left: auto; font-size: 12px; cursor: pointer; text-decoration: underline; opacity: .75; }
.off:focus-visible { outline: 2px solid #8250df; }
ul { list-style: none; margin: 0; padding: 0; }
li button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 3px 6px; border-radius: 4px;
  cursor: pointer; }
li button:hover, li button:focus-visible { background: rgba(130,80,223,.14); }
.title { display: block; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.why { display: block; font-size: 12px; opacity: .75; }
.hint { margin: 2px 4px; opacity: .75; font-size: 12px; }
`;

/**
 * Adds the control to the page and returns the functions that replace its topics and its For-you section.
 * @param {{theme: 'light'|'dark', cardsOf: (id: string) => HTMLElement[], titleOf: (id: string) => string,
 *   pick: (ids: string[]) => void, turnOff: () => void}} opts pick: outline those papers' cards (inside their
 *   roots) and scroll to the first; turnOff: the user's click on the section's Turn off
 * @returns {{setTopics: (topics: Topic[]) => void, setForYou: (forYou: ForYou|null) => void}}
 */
export function mountDigest({ theme, cardsOf, titleOf, pick, turnOff }) {
  const { host, root } = shadowHost('papergist-digest', 'open', CSS);
  const wrap = document.createElement('div');
  wrap.className = 'wrap ' + theme;
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.id = 'panel';
  const toggle = document.createElement('button');
  toggle.className = 'toggle';
  toggle.type = 'button';
  toggle.textContent = 'Topics';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'panel');
  toggle.addEventListener('click', (ev) => {
    if (!ev.isTrusted) return; // only the user's clicks act, never a page script's
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  // Escape closes the open panel and puts the focus back on Topics; that Escape stops here, so the page does not
  // also close its own dialog or clear its search with it. Every Escape the digest does not use reaches the page.
  wrap.addEventListener('keydown', (ev) => {
    if (!ev.isTrusted || ev.key !== 'Escape' || panel.hidden) return;
    ev.stopPropagation();
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  });
  // The panel comes after its button, so that Tab from an opened Topics goes into it (it is drawn above the button
  // by its absolute place, whatever the order).
  wrap.append(toggle, panel);
  root.append(wrap);
  const forYou = forYouSection({ theme, titleOf, pick, turnOff });
  // On the page last, once every part is built: a part that throws leaves no half digest behind, which the next
  // attempt (the reply's, main.js) would mount a second one beside.
  document.body.append(host);

  let topicsNodes = [];
  let highlighted = [];
  const setTopics = (topics) => {
    const h2 = document.createElement('h2');
    h2.textContent = 'Topics on this page';
    const list = document.createElement('ul');
    for (const t of topics) {
      const b = document.createElement('button');
      b.type = 'button';
      const label = document.createElement('span');
      label.textContent = t.label;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(t.paper_ids.length);
      b.append(label, count);
      // Read out as "question answering, 11 papers", not "question answering11".
      b.setAttribute('aria-label', `${t.label}, ${t.paper_ids.length} ${t.paper_ids.length === 1 ? 'paper' : 'papers'}`);
      b.addEventListener('click', (ev) => {
        if (!ev.isTrusted) return;
        for (const c of highlighted) c.removeAttribute('data-highlight');
        highlighted = t.paper_ids.flatMap(cardsOf);
        for (const c of highlighted) c.setAttribute('data-highlight', '');
        if (highlighted[0]) highlighted[0].scrollIntoView({ behavior: 'smooth', block: 'center' });
      });
      const li = document.createElement('li');
      li.append(b);
      list.append(li);
    }
    const children = [h2, list];
    if (!topics.length) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'No topics found on this page.';
      children.push(p);
    }
    topicsNodes = children;
    panel.replaceChildren(...(forYou.shown() ? [forYou.host] : []), ...topicsNodes);
  };
  /** @param {ForYou|null} state null or off: no section */
  const setForYou = (state) => {
    forYou.show(state);
    panel.replaceChildren(...(forYou.shown() ? [forYou.host] : []), ...topicsNodes);
  };
  return { setTopics, setForYou };
}

/**
 * The digest's For-you section: its picks, each a button that outlines and scrolls to its card, or a hint.
 * @param {{theme: 'light'|'dark', titleOf: (id: string) => string, pick: (ids: string[]) => void, turnOff: () => void}} opts
 */
function forYouSection({ theme, titleOf, pick, turnOff }) {
  const { host, root } = shadowHost('papergist-foryou', 'closed', FOR_YOU_CSS);
  const box = document.createElement('section');
  box.className = 'box ' + theme;
  box.setAttribute('aria-label', 'For you');
  root.append(box);
  let on = false;
  return {
    host,
    shown: () => on,
    /** @param {ForYou|null} state */
    show(state) {
      on = Boolean(state && state.on);
      if (!state || !on) return box.replaceChildren();
      const header = document.createElement('header');
      const h2 = document.createElement('h2');
      h2.textContent = 'For you';
      const off = document.createElement('button');
      off.type = 'button';
      off.className = 'off';
      off.textContent = 'Turn off';
      off.title = 'Stop marking the papers closest to your library (the options page turns it back on)';
      off.addEventListener('click', (ev) => {
        if (ev.isTrusted) turnOff();
      });
      header.append(h2, off);
      const children = [header];
      if (state.picks.length) {
        const list = document.createElement('ul');
        for (const p of state.picks) {
          const b = document.createElement('button');
          b.type = 'button';
          b.dataset.paperId = p.paper_id; // inside the closed root
          const title = document.createElement('span');
          title.className = 'title';
          title.textContent = titleOf(p.paper_id);
          const why = document.createElement('span');
          why.className = 'why';
          why.textContent = `like ${p.like}${p.more > 0 ? ` and ${p.more} more` : ''} you saved`;
          b.append(title, why);
          b.addEventListener('click', (ev) => {
            if (ev.isTrusted) pick([p.paper_id]);
          });
          const li = document.createElement('li');
          li.append(b);
          list.append(li);
        }
        children.push(list);
      } else {
        const hint = document.createElement('p');
        hint.className = 'hint';
        hint.textContent = state.few
          ? `Save ${howMany(state.need)} papers or more, and papergist marks the papers of each listing closest to them.`
          : 'Nothing on this page is close to the papers you saved.';
        children.push(hint);
      }
      box.replaceChildren(...children);
    },
  };
}

const NUMBERS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** n in words up to ten ("three"), in digits above, "a few" when unknown. @param {number|undefined} n */
const howMany = (n) => (Number.isInteger(n) && n > 0 ? NUMBERS[n] || String(n) : 'a few');

/**
 * A new element with a shadow root that holds css. @param {string} tag @param {'open'|'closed'} mode
 * @param {string} css
 */
function shadowHost(tag, mode, css) {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
