// A fake of the chrome.* the sync engine uses, for node tests: storage areas that copy values as the browser's
// do (so a read of the whole library costs what it copies), onChanged told after the write's promise resolves
// (the browser gives no order between the two), and counts of the reads of a whole area.
import { register } from 'node:module';

register('./idb-hooks.js', import.meta.url);

const clone = (v) => structuredClone(v);

/** @param {string} name */
function area(name, listeners, stats) {
  const data = new Map();
  const tell = (changes) => setTimeout(() => { for (const l of listeners) l(changes, name); }, 0);
  return {
    data,
    async get(keys) {
      if (keys === null || keys === undefined) {
        stats.wholeReads++;
        return Object.fromEntries([...data].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, clone(v)]));
      }
      const list = typeof keys === 'string' ? [keys] : keys;
      const out = {};
      for (const k of list) if (data.has(k)) out[k] = clone(data.get(k));
      return out;
    },
    async getKeys() {
      return [...data.keys()];
    },
    async set(items) {
      const changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: clone(v) };
        data.set(k, clone(v));
      }
      tell(changes);
    },
    async remove(keys) {
      const changes = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (!data.has(k)) continue;
        changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      if (Object.keys(changes).length) tell(changes);
    },
    async clear() {
      data.clear();
    },
  };
}

export const stats = { wholeReads: 0 };
const listeners = new Set();

globalThis.chrome = {
  storage: {
    local: area('local', listeners, stats),
    session: area('session', listeners, { wholeReads: 0 }),
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  },
  alarms: {
    create: async () => {}, clear: async () => true, get: async () => undefined,
    onAlarm: { addListener: () => {} },
  },
  runtime: { onStartup: { addListener: () => {} }, id: 'papergist-test' },
  permissions: { contains: async () => true },
};
