// Small helpers shared by the capture modules.

// Wraps a function so that nothing it throws reaches the host page.
export function safe(fn) {
  return function () {
    try {
      return fn.apply(this, arguments);
    } catch (e) { /* the host page must never see our errors */ }
  };
}

// Every listener the tag adds goes through here: guarded, and passive unless told otherwise.
export const on = (type, fn, capture) => addEventListener(type, safe(fn), { capture, passive: true });
const ATTRS = ['data-ct-step', 'data-ct-ad', 'data-testid', 'name', 'aria-label', 'role', 'type'];
export const FIELDS = 'input,select,textarea';

function part(el) {
  const tag = el.tagName.toLowerCase();
  if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) return '#' + el.id;
  for (const name of ATTRS) {
    const value = el.getAttribute(name);
    if (value && value.length < 40) return tag + '[' + name + '="' + value.replace(/["\\]/g, '\\$&') + '"]';
  }
  const parent = el.parentElement;
  const same = parent ? [].filter.call(parent.children, (c) => c.tagName == el.tagName) : [];
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

function unique(path) {
  try {
    return document.querySelectorAll(path).length == 1;
  } catch (e) {
    return false;
  }
}

// Visible text without forcing a layout (textContent, not innerText); never a form field's.
export const text = (el) => (el.matches(FIELDS) ? '' : (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 100));

export const ignored = (el) => !el || !el.closest || el.closest('[data-ct-ignore]');

export const round = Math.round;
