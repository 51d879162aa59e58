// What the options page accepts in its fields, and what it suggests: pure functions (tested under Node).

export { DEFAULT_SERVER, parseServer } from '../lib/server-url.js';

/** The shortest password the server accepts for a new account (backend/auth.MinPassword). */
export const MIN_PASSWORD = 8;
/** The longest device name the server accepts, in characters (httpapi.MaxDeviceName). */
export const MAX_DEVICE_NAME = 100;

/**
 * What is wrong with a device name, as the server checks it (trimmed, 1 to 100 characters, no control
 * characters), or '' when nothing is.
 * @param {string} name
 */
export function deviceNameProblem(name) {
  const s = String(name ?? '').trim();
  if (!s) return 'Enter a name for this device.';
  if ([...s].length > MAX_DEVICE_NAME) return `The device name is too long: at most ${MAX_DEVICE_NAME} characters.`;
  if (/\p{Cc}/u.test(s)) return 'The device name must not contain line breaks or other control characters.';
  return '';
}

/** Browser brands by how specific they are: Edge and Opera also list "Chromium" among their brands. */
const BRANDS = [['Microsoft Edge', 'Edge'], ['Opera', 'Opera'], ['Google Chrome', 'Chrome'], ['Chromium', 'Chromium']];

/** navigator.platform values (the older, frozen API) by how they look. */
/** @type {[RegExp, string][]} */
const PLATFORMS = [[/^win/i, 'Windows'], [/^mac/i, 'macOS'], [/^(iphone|ipad)/i, 'iOS'], [/^cros/i, 'ChromeOS'],
  [/android/i, 'Android'], [/^linux/i, 'Linux']];

/**
 * The name this browser suggests for itself in the account's device list, such as "Chrome on Linux".
 * @param {{userAgentData?: {brands?: {brand: string}[], platform?: string}, platform?: string, userAgent?: string}} nav
 *   navigator (Firefox has no userAgentData: its user agent string names it)
 * @returns {string} "<browser> on <platform>", or just the browser when the platform is unknown
 */
export function defaultDeviceName(nav) {
  const brands = ((nav.userAgentData && nav.userAgentData.brands) || []).map((b) => b.brand);
  const unbranded = /\bFirefox\//.test(nav.userAgent || '') ? 'Firefox' : 'Chrome';
  const browser = (BRANDS.find(([brand]) => brands.includes(brand)) || [null, unbranded])[1];
  let platform = (nav.userAgentData && nav.userAgentData.platform) || '';
  if (platform === 'Chrome OS') platform = 'ChromeOS';
  if (!platform && nav.platform) platform = (PLATFORMS.find(([re]) => re.test(nav.platform)) || [null, ''])[1];
  return platform ? `${browser} on ${platform}` : browser;
}
