// A module hook for the background's node tests: the vendored idb-keyval (copied in by the build, absent from the
// source tree) becomes fake-idb-keyval.js, a Map in the test's own thread.
export async function resolve(specifier, context, next) {
  if (specifier.endsWith('/vendor/idb-keyval.js')) {
    return { url: new URL('./fake-idb-keyval.js', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
