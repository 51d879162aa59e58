// The one reply shape: {ok: true, data} or {ok: false, error: {code, message}}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unwrap, errorInfo, sentenceOf, answers, AppError, send, removalFailed, saveFailed, editFailed, pageFailed, pageCanRetry, pageFailedBadge } from './messages.js';

test('unwrap returns the data of a good reply', () => {
  assert.deepEqual(unwrap({ ok: true, data: { a: 1 } }, 'x'), { a: 1 });
});

test('unwrap throws the coded error of a bad reply', () => {
  assert.throws(() => unwrap({ ok: false, error: { code: 'too_large', message: 'the page is larger than 64 MB' } }, 'x'),
    (err) => err instanceof AppError && err.code === 'too_large' && err.message === 'the page is larger than 64 MB');
  assert.throws(() => unwrap(undefined, 'page/analyze'), (err) => err.code === 'no_reply' && /page\/analyze/.test(err.message));
  assert.throws(() => unwrap({ ok: false, error: 'old shape' }, 'x'), (err) => err.code === 'internal' && err.message === 'old shape');
});

test('errorInfo keeps a code and makes the rest internal', () => {
  assert.deepEqual(errorInfo(new AppError('invalid', 'bad url')), { code: 'invalid', message: 'bad url' });
  assert.deepEqual(errorInfo(Object.assign(new Error('signed out'), { code: 'signed_out' })), { code: 'signed_out', message: 'signed out' });
  assert.deepEqual(errorInfo(new Error('boom')), { code: 'internal', message: 'boom' });
  assert.deepEqual(errorInfo('text'), { code: 'internal', message: 'text' });
});

test('the UI says a sentence for the codes whose message would not tell what to do', () => {
  assert.match(sentenceOf(new AppError('rate_limited', 'too many logins')), /^Too many attempts: wait a few minutes, then try again\. \(too many logins\)$/);
  assert.equal(sentenceOf(new AppError('unauthorized', 'wrong email or password')), 'wrong email or password');
  assert.equal(sentenceOf(new Error('cannot reach http://x (no connection)')), 'cannot reach http://x (no connection)');
});

test('a removal that may yet be finished is not said to have failed; one that failed is', () => {
  // only what happened and what to do: no words of the browser or its storage
  const cut = /^The removal was cut short: papergist stopped before it finished\. If the paper is still listed in a moment, remove it again\.$/;
  // The background stopped before it answered (send: no_reply), or its storage failed after the tombstone.
  assert.match(removalFailed(new AppError('cut_short', 'the removal was cut short (the disk is full)')), cut);
  assert.match(removalFailed(new AppError('no_reply', 'no reply to library/remove')), cut);
  assert.equal(removalFailed(new Error('the disk is full')), 'Not removed: the disk is full');
  assert.match(removalFailed(new Error('library/remove: arxiv:1 is not on this page')), /^Not removed: /);
});

test('a save the background stopped during may have stored the paper: it is not said to have failed', () => {
  const lost = new AppError('no_reply', 'no reply to library/save: the message channel closed');
  // the browser's own words are not the user's: the sentence says what happened and what to do
  assert.equal(saveFailed(lost), 'The save was cut short: papergist stopped before it finished. If the paper is not saved in a moment, save it again.');
  assert.equal(saveFailed(lost, { failed: 'Not brought back', again: 'click Undo again' }),
    'The save was cut short: papergist stopped before it finished. If the paper is not saved in a moment, click Undo again.');
  // the engine stopped before it answered (a PDF read, a summary): that is before anything is stored
  assert.equal(saveFailed(new AppError('engine_stopped', 'the engine stopped before it answered')),
    'Not saved: papergist\'s engine stopped before it answered. Save it again.');
  assert.equal(saveFailed(new AppError('engine_stopped', 'x'), { failed: 'Not brought back', again: 'undo again' }),
    'Not brought back: papergist\'s engine stopped before it answered. Undo again.', 'the words from its parameters');
  assert.equal(saveFailed(new Error('not a paper: it needs an id and a title')), 'Not saved: not a paper: it needs an id and a title');
  assert.equal(saveFailed(new Error('the disk is full'), { failed: 'Not brought back' }), 'Not brought back: the disk is full');
});

test('a page whose papers cannot be shown says what happened and what to do, from the one mapping of codes', () => {
  // the background or its engine stopped before it answered: nothing was shown, so not "look again"
  assert.equal(pageFailed(new AppError('no_reply', 'no reply to page/analyze: the message channel closed')),
    'Papers not shown: papergist stopped before it answered. Try again.');
  assert.equal(pageFailed(new AppError('engine_stopped', 'the engine stopped before it answered')),
    'Papers not shown: papergist stopped before it answered. Try again.');
  assert.equal(pageFailed(new AppError('timeout', 'the engine did not answer engine/analyze within 20000 ms')),
    'Papers not shown: papergist took too long to answer: try again in a moment.');
  // an exception's or a panic's own words go to the console, not the page
  const fixed = 'Papers not shown: papergist hit an error on this page (details in the console). Try again, or reload the page.';
  assert.equal(pageFailed(new AppError('internal', 'internal error (please report): runtime error: index out of range [3] with length 3')), fixed);
  assert.equal(pageFailed(new TypeError('Cannot read properties of undefined (reading \'entries\')')), fixed);
  assert.equal(pageFailed(new AppError('too_large', 'the page is larger than 64 MB')),
    'Papers not shown: this page is more than papergist can take at once.');
  // no Try again where sending the page again fails the same way
  assert.deepEqual(['too_large', 'invalid', 'extension_gone', 'internal', 'timeout', 'engine_stopped']
    .map((code) => pageCanRetry(new AppError(code, 'x'))), [false, false, false, true, true, true]);
  assert.equal(pageFailed(new AppError('extension_gone', 'papergist was updated or restarted since this page loaded: reload the page.')),
    'papergist was updated or restarted since this page loaded: reload the page.');
  assert.equal(sentenceOf(new AppError('timeout', 'the engine did not answer')), 'papergist took too long to answer: try again in a moment.');
});

test('an early answer is for a page only with the same URL and the same HTML', () => {
  const html = '<html><body><a href="/abs/2401.00001">A paper</a></body></html>';
  const answer = { url: 'https://arxiv.org/list/cs.CL/new', html,
    analysis: { site: 'arxiv', entries: [], topics: [], saved: [] } };
  assert.equal(answers(answer, { url: answer.url, html }), true);
  assert.equal(answers(answer, { url: `${answer.url}?skip=25`, html }), false, 'another URL');
  assert.equal(answers(answer, { url: answer.url, html: html.replace('A paper', 'B paper') }), false, 'same length, other HTML');
  assert.equal(answers(answer, { url: answer.url, html: `${html} ` }), false, 'another length');
  assert.equal(answers(null, { url: answer.url, html }), false, 'no answer');
});

test('a script whose extension was reloaded under it is told to reload the page, whatever it sent', async () => {
  const fail = (message) => ({ runtime: { sendMessage: async () => { throw new Error(message); } } });
  try {
    globalThis.chrome = /** @type {any} */ (fail('Extension context invalidated.'));
    await assert.rejects(send('paper/save'), (err) => err.code === 'extension_gone' &&
      sentenceOf(err) === 'papergist was updated or restarted since this page loaded: reload the page.');
    // Chrome throws at once from a script whose extension context is gone, before any promise.
    globalThis.chrome = /** @type {any} */ ({ runtime: { sendMessage: () => { throw new Error('Extension context invalidated.'); } } });
    await assert.rejects(send('paper/save'), (err) => err.code === 'extension_gone');
    globalThis.chrome = /** @type {any} */ (fail('Could not establish connection. Receiving end does not exist.'));
    await assert.rejects(send('paper/remove'), (err) => err.code === 'extension_gone');
  } finally {
    delete globalThis.chrome;
  }
});

test('a message the background stopped answering is cut short, in whatever words the browser says it', async () => {
  const lost = (err) => ({ runtime: { sendMessage: async () => { throw err; } } });
  const cutRemoval = 'The removal was cut short: papergist stopped before it finished. If the paper is still listed in a moment, remove it again.';
  const cutSave = 'The save was cut short: papergist stopped before it finished. If the paper is not saved in a moment, save it again.';
  try {
    for (const words of [
      // Chrome since 102, Chrome before, Firefox (event page unloaded, or its reply dropped), and wording no
      // browser uses yet: the sentence is not what tells it
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'The message port closed before a response was received.',
      'Promised response from onMessage listener went out of scope',
      'Message manager disconnected',
      'Der Hintergrund hat die Verbindung vor der Antwort beendet.',
    ]) {
      globalThis.chrome = /** @type {any} */ (lost(new Error(words)));
      await assert.rejects(send('library/remove', { id: 'arxiv:2401.00001' }), (err) => {
        assert.equal(errorInfo(err).code, 'no_reply', words);
        assert.equal(removalFailed(err), cutRemoval, words);
        assert.equal(saveFailed(err), cutSave, words);
        assert.ok(err.message.includes(words), 'the browser\'s words stay in the error, for the console');
        return true;
      });
    }
    // Refused before it was sent (a value that cannot be copied, a bad call): nothing happened, and the error says why.
    const clone = Object.assign(new Error('could not be cloned'), { name: 'DataCloneError' });
    globalThis.chrome = /** @type {any} */ (lost(clone));
    await assert.rejects(send('library/save'), (err) => err === clone && saveFailed(err) === 'Not saved: could not be cloned');
    globalThis.chrome = /** @type {any} */ ({ runtime: { sendMessage: () => { throw new TypeError('Error in invocation of runtime.sendMessage'); } } });
    await assert.rejects(send('library/save'), (err) => err instanceof TypeError && saveFailed(err) === 'Not saved: Error in invocation of runtime.sendMessage');
  } finally {
    delete globalThis.chrome;
  }
});

test('a lost reply outside a save or removal says what to do in words that fit the popup and options, not the browser\'s', () => {
  const lost = new AppError('no_reply', 'no reply to library/update: A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
  const said = 'papergist stopped before it answered: look again in a moment, and try again if it was not done.';
  assert.equal(sentenceOf(lost), said, 'options: "Sync now failed: ...", For you, settling a conflict');
  assert.equal(`Sync now failed: ${sentenceOf(lost)}`, `Sync now failed: ${said}`);
  // The popup's edits (read, tags, note): perhaps stored, so not "Not saved".
  assert.equal(editFailed(lost), 'The change was cut short: papergist stopped before it finished. If it is not shown in a moment, make it again.');
  assert.equal(editFailed(new AppError('cut_short', 'storage failed after the write')), editFailed(lost));
  assert.equal(editFailed(new AppError('invalid', 'tags: one is longer than 64 characters')), 'Not saved: tags: one is longer than 64 characters');
  // Other codes keep their message after the sentence.
  assert.equal(sentenceOf(new AppError('rate_limited', 'too many logins')), 'Too many attempts: wait a few minutes, then try again. (too many logins)');
});

test('the badge\'s tooltip says to try again only where trying again can help', () => {
  for (const code of ['too_large', 'invalid']) assert.doesNotMatch(pageFailedBadge(code), /try again/i, code);
  assert.equal(pageFailedBadge('invalid'), 'papergist could not look for papers on this page: the page is not one it can read.');
  for (const code of ['timeout', 'engine_stopped', 'internal']) assert.match(pageFailedBadge(code), /\. Reload the page to try again\.$/, code);
});
