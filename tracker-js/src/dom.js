// Small helpers shared by the capture modules.

// Wraps a function so that nothing it throws reaches the host page.
export function safe(fn) {
  return function () {
    try {
      return fn.apply(this, arguments);
    } catch (e) { /* the host page must never see our errors */ }
  };
}

// Every listener the tag adds goes through here: guarded, passive, and on the capture phase (so
// that a page's stopPropagation cannot hide a click or a submit from us).
export const on = (type, fn) => addEventListener(type, safe(fn), { capture: true, passive: true });
const ATTRS = ['data-ct-step', 'data-ct-ad', 'data-testid', 'name', 'aria-label', 'role', 'type'];
export const FIELDS = 'input,select,textarea';

function part(el) {
  const tag = el.localName;
  if (el.id && /^[a-z][\w-]*$/i.test(el.id)) return '#' + el.id;
  for (const name of ATTRS) {
    const value = el.getAttribute(name);
    if (value && value.length < 40) return tag + '[' + name + '="' + value.replace(/["\\]/g, '\\$&') + '"]';
  }
  const parent = el.parentElement;
  const same = parent ? [...parent.children].filter((c) => c.localName == tag) : [];
  return same.length > 1 ? tag + ':nth-of-type(' + (same.indexOf(el) + 1) + ')' : tag;
}

// A short, stable CSS selector: climbs until the path names exactly one element (at most 5 steps).
export function selector(el) {
  const parts = [];
  for (let node = el; node && node.nodeType == 1 && parts.length < 5; node = node.parentElement) {
    parts.unshift(part(node));
    const path = parts.join(' > ');
    if (parts[0][0] == '#' || node == document.body || unique(path)) break;
  }
  return parts.join(' > ');
}

// A path the page's selector engine refuses (odd attribute text) is not unique: climb further.
const unique = safe((path) => document.querySelectorAll(path).length == 1);

// Visible text without forcing a layout (textContent, not innerText); never a form field's.
export const text = (el) => (el.matches(FIELDS) ? '' : el.textContent.replace(/\s+/g, ' ').trim().slice(0, 100));

export const ignored = (el) => !el?.closest || el.closest('[data-ct-ignore]');

export const round = Math.round;
