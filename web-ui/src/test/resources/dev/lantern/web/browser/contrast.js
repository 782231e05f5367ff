// WCAG 2.1 contrast checks on the page as rendered. arguments[0]: 'page' lists text and border failures;
// 'focus' describes the focused element's outline; 'background' gives the body's background luminance.
const parse = (c) => {
  const m = /rgba?\(([^)]+)\)/.exec(c || '');
  if (!m) return null;
  const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
};
const luminance = ({r, g, b}) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const background = (element) => {
  for (let e = element; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0.5) return c;
  }
  return parse(getComputedStyle(document.documentElement).backgroundColor) || {r: 255, g: 255, b: 255, a: 1};
};
const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';

if (arguments[0] === 'background') return luminance(background(document.body));
if (arguments[0] === 'focus') {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const behind = background(e.parentElement);
  return `${name(e)} ${s.outlineStyle} ${parseFloat(s.outlineWidth)}px `
    + `${s.outlineStyle === 'none' ? 0 : ratio(parse(s.outlineColor), behind).toFixed(2)}`;
}
const failures = [];
document.querySelectorAll('button, .primary').forEach((b) => {
  if (!shown(b) || b.disabled) return;
  const r = ratio(parse(getComputedStyle(b).color), background(b));
  if (r < 4.5) failures.push(`${name(b)} text ${r.toFixed(2)}:1`);
});
document.querySelectorAll('button, select, input:not([type=file]), textarea, .dropzone').forEach((e) => {
  if (!shown(e) || e.disabled) return;
  const s = getComputedStyle(e);
  if (parseFloat(s.borderTopWidth) === 0) return;
  const r = ratio(parse(s.borderTopColor), background(e.parentElement));
  if (r < 3) failures.push(`${name(e)} border ${r.toFixed(2)}:1`);
});
return failures;
