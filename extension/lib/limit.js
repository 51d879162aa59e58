// One way to put a time limit on a promise, for the three places that wait on something that may never answer:
// the page's analysis (content/deadline.js), the Go module's start (offscreen/wasm.js) and, in Firefox, the call
// into the engine (background/host-firefox.js). Each says in late what running out means for it: a rejection with
// its own error, or an answer (an error envelope).

/**
 * The promise's outcome, or late()'s once ms have passed without it settling (late's throw rejects). The timer is
 * cleared as soon as either settles; an Infinity (or NaN) limit waits for the promise alone.
 * @template T, L @param {Promise<T>} promise @param {number} ms @param {() => L} late
 * @returns {Promise<T|L>}
 */
export function withLimit(promise, ms, late) {
  if (!(ms < Infinity)) return promise;
  /** @type {any} */
  let timer = 0;
  const out = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (err) {
        reject(err);
      }
    }, ms);
  });
  return Promise.race([promise, out]).finally(() => clearTimeout(timer));
}
