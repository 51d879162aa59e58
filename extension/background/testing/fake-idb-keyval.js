// idb-keyval's four functions over a Map (globalThis.fakeIdb), for the background's node tests (idb-hooks.js).
const db = (globalThis.fakeIdb ??= new Map());
export const createStore = () => ({});
export const get = async (k) => structuredClone(db.get(k));
export const set = async (k, v) => void db.set(k, structuredClone(v));
export const del = async (k) => void db.delete(k);
