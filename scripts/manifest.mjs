// Writes the manifest of one browser's build from extension/manifest.json, the one source (Chrome's, as
// written): node scripts/manifest.mjs chrome|firefox <in> <out>. Firefox gets an event page in place of the
// service worker (it has no offscreen documents; background/host-firefox.js hosts the engine), a gecko ID, no
// Chrome-only keys, and the listing sites as host permissions, which its install prompt shows and a user can
// take back (background/first-run.js then asks again).
import { readFileSync, writeFileSync } from 'node:fs';

/** papergist's add-on ID on addons.mozilla.org: it keys the user's storage, so it never changes. */
export const GECKO_ID = 'papergist@papergist.dev';

/**
 * Firefox 140 (ESR 140, the oldest ESR Mozilla still supports): the first with data_collection_permissions,
 * which addons.mozilla.org asks of new add-ons; MV3 host permissions granted at install (127),
 * optional_host_permissions (128) and module event pages (112) came before.
 */
export const GECKO_MIN = '140.0';

export function forBrowser(src, browser) {
  const m = structuredClone(src);
  if (browser === 'chrome') return m;
  if (browser !== 'firefox') throw new Error(`manifest: unknown browser ${browser}`);
  delete m.minimum_chrome_version;
  m.background = { scripts: ['background/service-worker.js', 'background/first-run.js'], type: 'module' };
  m.permissions = m.permissions.filter((p) => p !== 'offscreen');
  const sites = m.content_scripts.flatMap((cs) => cs.matches);
  m.host_permissions = [...new Set([...(m.host_permissions || []), ...sites])];
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN,
      // Nothing goes to papergist's developers; saved papers go only to a sync server the user runs and names.
      data_collection_permissions: { required: ['none'] },
    },
  };
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [browser, input, output] = process.argv.slice(2);
  const m = forBrowser(JSON.parse(readFileSync(input, 'utf8')), browser);
  writeFileSync(output, JSON.stringify(m, null, 2) + '\n');
}
