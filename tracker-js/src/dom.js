// Small helpers shared by the capture modules.

// Wraps a function so that nothing it throws reaches the host page.
export const safe = (fn) => (...args) => {
  try {
    return fn(...args);
  } catch (e) { /* the host page must never see our errors */ }
};

// Every listener the tag adds goes through here: guarded, passive, and on the capture phase (so
// that a page's stopPropagation cannot hide a click or a submit from us).
export const on = (type, fn) => addEventListener(type, safe(fn), { capture: true, passive: true });
const ATTRS = ['data-ct-step', 'data-ct-ad', 'data-testid', 'name', 'aria-label', 'type'];
export const FIELDS = 'input,select,textarea';

function part(el) {
  const tag = el.localName;
  if (el.id && /^[a-z][\w-]*$/i.test(el.id)) return '#' + el.id;
  for (const name of ATTRS) {
    const value = el.getAttribute(name);
    if (value && value.length < 40) return tag + '[' + name + '="' + value.replace(/["\\]/g, '\\$&') + '"]';
  }
  // Its place among the siblings of its kind, when it has any (a walk back: no arrays on the click path).
  let n = 1;
  for (let s = el; (s = s.previousElementSibling); ) s.localName == tag && n++;
  return n > 1 || !el.matches(':only-of-type') ? tag + ':nth-of-type(' + n + ')' : tag;
}

// A short, stable CSS selector: climbs until the path names exactly one element (at most 5 steps).
export function selector(el) {
  const parts = [];
  for (let node = el; node && node.nodeType == 1 && parts.length < 5; node = node.parentElement) {
    parts.unshift(part(node));
    const path = parts.join(' > ');
    // A bare tag name is hardly ever unique: climb without asking.
    if (parts[0][0] == '#' || node == document.body || (parts[0] != node.localName && unique(path, el))) break;
  }
  return parts.join(' > ');
}

// Whether the path finds this element first (what the analytics will find with it); querySelector
// stops at the first match. A path the page's selector engine refuses (odd attribute text): climb.
const unique = safe((path, el) => document.querySelector(path) == el);

// Visible text without forcing a style or layout update (textContent, not innerText; no
// isContentEditable); never a form field's or an editable element's (what people type).
const TYPED = FIELDS + ',[contenteditable]';
export const text = (el) => (el.closest(TYPED) ? '' : el.textContent.replace(/\s+/g, ' ').trim().slice(0, 100));

export const ignored = (el) => el.closest('[data-ct-ignore]');

export const round = Math.round;
