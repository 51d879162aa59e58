// The notice a page shows when its papers cannot be shown (its analysis failed, or the engine did not answer in
// time): one small <papergist-notice> where the digest goes (the page's lower right corner, over the page, so that it
// moves nothing), in a closed shadow root with the cards' look and the page's theme. It says what happened and what
// to do (lib/messages.js pageFailed, the one mapping of codes to sentences), with a Try again button that sends the
// page again. Only the user's clicks act, never a page script's.

const CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
.notice {
  --bg: #f6f8fa; --fg: #1f2328; --border: #d0d7de; --accent: #0969da; --warn: #9a6700;
  box-sizing: border-box; max-width: 24rem; padding: 8px 10px; border: 1px solid var(--border);
  border-left: 3px solid var(--warn); border-radius: 6px; background: var(--bg); color: var(--fg);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  box-shadow: 0 2px 8px rgba(0,0,0,.25);
}
.notice.dark { --bg: #161b22; --fg: #e6edf3; --border: #3d444d; --accent: #4493f8; --warn: #d29922; }
.label { font-weight: 700; color: var(--accent); margin-right: 6px; letter-spacing: .02em; }
p { margin: 0; }
.actions { display: flex; gap: 6px; margin-top: 6px; }
button {
  font: inherit; font-size: 12px; padding: 2px 12px; border-radius: 6px; cursor: pointer; white-space: nowrap;
  border: 1px solid var(--border); background: transparent; color: var(--fg);
}
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
`;

/**
 * Puts the notice on the page, in place of any notice there.
 * @param {{theme: 'light'|'dark', text: string, retry: (() => void)|null}} opts text: the sentence; retry: what
 *   Try again does (null: no button, as when only reloading the page helps)
 * @returns {HTMLElement} the notice's host
 */
export function mountNotice({ theme, text, retry }) {
  removeNotice();
  const host = document.createElement('papergist-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = document.createElement('section');
  box.className = 'notice ' + theme;
  box.dir = 'ltr';
  box.setAttribute('role', 'alert');
  box.setAttribute('aria-label', 'papergist');
  const p = document.createElement('p');
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = 'papergist';
  const sentence = document.createElement('span');
  sentence.className = 'text';
  sentence.textContent = text;
  p.append(label, sentence);
  const actions = document.createElement('div');
  actions.className = 'actions';
  if (retry) actions.append(button('retry', 'Try again', retry));
  actions.append(button('dismiss', 'Dismiss', () => host.remove()));
  box.append(p, actions);
  root.append(style, box);
  document.body.append(host);
  return host;
}

/** Takes the notice off the page, if it is there. */
export function removeNotice() {
  for (const el of document.querySelectorAll('papergist-notice')) el.remove();
}

/** @param {string} cls @param {string} text @param {() => void} act */
function button(cls, text, act) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = text;
  b.addEventListener('click', (ev) => {
    if (ev.isTrusted) act(); // a script's click, not the user's
  });
  return b;
}
