// Light or dark, from what the page paints behind an element, so cards stay readable on dark pages
// whatever the system setting.

/** @param {Element} el @returns {'light'|'dark'} */
export function themeAt(el) {
  for (let e = el; e; e = e.parentElement) {
    const rgba = parse(getComputedStyle(e).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.4 ? 'dark' : 'light';
  }
  const text = parse(getComputedStyle(document.body || document.documentElement).color);
  if (text && luminance(text) > 0.6) return 'dark'; // light text on a transparent page
  return matchMedia('(prefers-color-scheme: dark)').matches &&
    getComputedStyle(document.documentElement).colorScheme.includes('dark') ? 'dark' : 'light';
}

function parse(color) {
  const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?/.exec(color || '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
}

/** @param {number[]} rgb */
function luminance([r, g, b]) {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
