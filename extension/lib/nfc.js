// Unicode NFC for the wasm modules' answers: the modules leave composition to the browser (shared/paper/nfc_js.go).

/**
 * A code unit from U+0300 on: a combining mark, another script, a surrogate. Text without one is already composed:
 * no character below U+0300 changes under NFC, alone or next to another, and normalize() over a 150 KB answer
 * without one took 3-28 ms of a first page's Go call in Chromium.
 */
const MAYBE_DECOMPOSED = /[\u0300-\uffff]/;

/** s composed (NFC), as the native build composes its text. @param {string} s @returns {string} */
export const composed = (s) => (MAYBE_DECOMPOSED.test(s) ? s.normalize('NFC') : s);
