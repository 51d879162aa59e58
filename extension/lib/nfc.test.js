import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composed } from './nfc.js';

test('every character below U+0300, alone and followed by each other one, is left as it is and is composed', () => {
  for (let a = 0; a < 0x300; a++) {
    const one = String.fromCharCode(a);
    assert.equal(composed(one), one.normalize('NFC'));
    for (let b = 0; b < 0x300; b += 1) {
      const two = one + String.fromCharCode(b);
      if (two !== two.normalize('NFC')) assert.fail(`U+${a.toString(16)} U+${b.toString(16)} is not composed`);
    }
  }
});

test('text with combining marks, other scripts and surrogate pairs is composed as normalize() composes it', () => {
  const pieces = ['e', '\u0301', 'a', '\u0308', 'Schr', '\u00f6', 'caf', '\u00e9', '\u6771\u4eac', '\u{1F600}', '\u1100\u1161',
    ' ', '<b>', '&amp;', '"', '\u212b', '\u0340', 'A', '\u030a', '\ud800'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 2000; i++) {
    let s = '';
    for (let k = next() % 12; k > 0; k--) s += pieces[next() % pieces.length];
    assert.equal(composed(s), s.normalize('NFC'), JSON.stringify(s));
  }
  assert.equal(composed('Cafe\u0301'), 'Caf\u00e9');
  assert.equal(composed('\u212b'), '\u00c5', 'a singleton (the Angstrom sign) becomes its letter');
});
