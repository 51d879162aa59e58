// Summaries, cached by paper ID and a hash of the text summarized, in memory for this worker's life
// and in chrome.storage.session across worker stops, so that a page seen before is shown at once.
import { call } from './engine.js';
import { hash } from '../lib/hash.js';

/** @typedef {import('../lib/messages.js').Paper} Paper */
/** @typedef {import('../lib/messages.js').Summary} Summary */

/** @type {Map<string, Summary>} */
const memory = new Map();

const keyOf = (p) => `sum:${p.id}:${hash(p.title + '\n' + (p.abstract || ''))}`;

/**
 * Returns the summary of every paper, in order, summarizing only those not cached.
 * @param {Paper[]} papers @returns {Promise<Summary[]>}
 */
export async function summaries(papers) {
  const keys = papers.map(keyOf);
  const unknown = keys.filter((k) => !memory.has(k));
  if (unknown.length) {
    const stored = await chrome.storage.session.get(unknown);
    for (const [k, v] of Object.entries(stored)) memory.set(k, v);
  }
  const todo = [];
  papers.forEach((p, i) => {
    if (!memory.has(keys[i])) todo.push(i);
  });
  if (todo.length) {
    const req = todo.map((i) => ({ id: papers[i].id, title: papers[i].title, abstract: papers[i].abstract || '' }));
    const got = await call('summarize', JSON.stringify(req));
    const fresh = {};
    todo.forEach((i, j) => {
      const s = { tldr: got[j].tldr, keyphrases: got[j].keyphrases };
      memory.set(keys[i], s);
      fresh[keys[i]] = s;
    });
    chrome.storage.session.set(fresh).catch((err) => console.warn('papergist: cache summaries', err));
  }
  return keys.map((k) => memory.get(k));
}
