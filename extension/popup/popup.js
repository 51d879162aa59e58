// The popup: save the current tab's paper, and list saved papers newest first with search, tags, note,
// read state, remove, and export of all or the selected papers.
import { MSG, send } from '../lib/messages.js';
import * as saved from '../lib/saved.js';
import { FORMATS } from '../lib/export.js';

/** @typedef {import('../lib/messages.js').SavedPaper} SavedPaper */

const $ = (sel) => document.querySelector(sel);
/** @type {SavedPaper[]} */
let papers = [];
const selected = new Set();

let renders = 0;

async function render() {
  const mine = ++renders;
  const list = await saved.list();
  if (mine !== renders) return; // a newer render (typing in the search box) has started
  papers = list;
  const q = $('#search').value.trim().toLowerCase();
  const shown = q ? papers.filter((s) => haystack(s).includes(q)) : papers;
  for (const id of [...selected]) if (!papers.some((s) => s.id === id)) selected.delete(id);
  $('#papers').replaceChildren(...shown.map(item));
  $('#empty').hidden = papers.length > 0;
  $('#count').textContent = `${papers.length} saved`;
  $('#export-scope').textContent = selected.size ? `Export ${selected.size} selected:` : 'Export all:';
  $('#select-all').checked = papers.length > 0 && selected.size === papers.length;
  document.body.dataset.rendered = String(mine); // the list is up to date (tests wait for this)
}

/** @param {SavedPaper} s */
function haystack(s) {
  return [s.paper.title, s.paper.authors.join(' '), s.tags.join(' '), s.note, s.tldr, s.id].join('\n').toLowerCase();
}

/** @param {SavedPaper} s */
function item(s) {
  const li = /** @type {HTMLElement} */ ($('#paper-item').content.firstElementChild.cloneNode(true));
  li.dataset.paperId = s.id;
  li.classList.toggle('read', s.read);
  const title = li.querySelector('.title');
  title.textContent = s.paper.title;
  if (/^https?:\/\//.test(s.paper.url)) title.href = s.paper.url;
  li.querySelector('.authors').textContent = s.paper.authors.join(', ');
  li.querySelector('.tldr').textContent = s.tldr;
  const select = li.querySelector('.select');
  select.checked = selected.has(s.id);
  select.addEventListener('change', () => {
    select.checked ? selected.add(s.id) : selected.delete(s.id);
    render();
  });
  const tags = li.querySelector('.tags');
  tags.value = s.tags.join(', ');
  tags.addEventListener('change', () => send(MSG.UPDATE_PAPER, { id: s.id, patch: { tags: tags.value.split(',') } }));
  const note = li.querySelector('.note');
  note.value = s.note;
  note.addEventListener('change', () => send(MSG.UPDATE_PAPER, { id: s.id, patch: { note: note.value } }));
  const read = li.querySelector('.read');
  read.checked = s.read;
  read.addEventListener('change', () => send(MSG.UPDATE_PAPER, { id: s.id, patch: { read: read.checked } }));
  li.querySelector('.saved-at').textContent = `saved ${new Date(s.savedAt).toLocaleDateString()}`;
  li.querySelector('.remove').addEventListener('click', () => send(MSG.REMOVE_PAPER, { id: s.id }));
  return li;
}

function exportAs(format) {
  const f = FORMATS[format];
  const chosen = selected.size ? papers.filter((s) => selected.has(s.id)) : papers;
  const blob = new Blob([f.render(chosen)], { type: f.mime });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `papergist-${new Date().toISOString().slice(0, 10)}.${f.ext}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function saveTab() {
  const status = $('#tab-status');
  // ?tab=ID when the popup is opened as a page (for keyboard users and the tests), else the active tab
  const param = Number(new URLSearchParams(location.search).get('tab'));
  const [tab] = param ? [{ id: param }] : await chrome.tabs.query({ active: true, currentWindow: true });
  status.textContent = 'Saving…';
  try {
    const { saved: s } = await send(MSG.SAVE_TAB_PAPER, { tabId: tab.id });
    status.textContent = `Saved: ${s.paper.title}`;
  } catch (err) {
    status.textContent = `Not saved: ${err.message}`;
  }
}

$('#search').addEventListener('input', render);
$('#save-tab').addEventListener('click', saveTab);
$('#select-all').addEventListener('change', (e) => {
  selected.clear();
  if (e.target.checked) for (const s of papers) selected.add(s.id);
  render();
});
for (const b of document.querySelectorAll('button[data-format]')) b.addEventListener('click', () => exportAs(b.dataset.format));
// Re-render on changes from anywhere (cards, other popups), but not while the user types in a field.
chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local' && !document.activeElement?.matches('input.tags, textarea.note')) render();
});
render();
