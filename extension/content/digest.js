// The floating control that opens the page digest: topics, each a button that scrolls to its papers.

/** @typedef {import('../lib/messages.js').Topic} Topic */

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

/**
 * Adds the control to the page and returns a function that replaces its topics.
 * @param {{theme: 'light'|'dark', cardsOf: (id: string) => HTMLElement[]}} opts
 * @returns {(topics: Topic[]) => void}
 */
export function mountDigest({ theme, cardsOf }) {
  const host = document.createElement('papergist-digest');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
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
  wrap.append(panel, toggle);
  root.append(style, wrap);
  document.body.append(host);

  let highlighted = [];
  return (topics) => {
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
    panel.replaceChildren(...children);
  };
}
