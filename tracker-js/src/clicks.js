// Clicks: which element (a short, stable CSS selector), its tag, visible text and link target, and
// where on the page. The element is the nearest interactive ancestor of what was hit, so a click on
// an icon inside a button is the button's click. Nothing under [data-ct-ignore] is recorded, and the
// text of form fields is never read.
const INTERACTIVE = 'a,button,input,select,textarea,label,summary,[role=button],[role=link],[onclick]';
const FIELDS = { INPUT: 1, TEXTAREA: 1, SELECT: 1 };
const ATTRS = ['data-ct-step', 'data-ct-ad', 'data-testid', 'name', 'aria-label', 'role', 'type'];

function part(el) {
  const tag = el.tagName.toLowerCase();
  if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) return '#' + el.id;
  for (const name of ATTRS) {
    const value = el.getAttribute(name);
    if (value && value.length < 40) return tag + '[' + name + '="' + value.replace(/["\\]/g, '\\$&') + '"]';
  }
  const parent = el.parentElement;
  if (!parent) return tag;
  const same = Array.prototype.filter.call(parent.children, (c) => c.tagName === el.tagName);
  return same.length > 1 ? tag + ':nth-of-type(' + (same.indexOf(el) + 1) + ')' : tag;
}

// Climbs from the element until the path names exactly one element of the page (at most 5 steps).
export function selector(el) {
  const parts = [];
  for (let node = el; node && node.nodeType === 1 && parts.length < 5; node = node.parentElement) {
    parts.unshift(part(node));
    const path = parts.join(' > ');
    if (parts[0][0] === '#' || node === document.body || unique(path)) break;
  }
  return parts.join(' > ');
}

function unique(path) {
  try {
    return document.querySelectorAll(path).length === 1;
  } catch (e) {
    return false;
  }
}

// A click on a link that will leave the page: the queue is flushed at once, while the page is fully
// alive, instead of relying on the beacon at pagehide alone.
function leaves(link, event) {
  return link && !event.defaultPrevented && (!link.target || link.target === '_self') && !link.hasAttribute('download') &&
    !(link.pathname === location.pathname && link.search === location.search && link.hash);
}

export function trackClicks(record, flush) {
  addEventListener('click', (event) => {
    const hit = event.target;
    if (!hit || !hit.closest || hit.closest('[data-ct-ignore]')) return;
    const el = hit.closest(INTERACTIVE) || hit;
    const link = el.closest('a[href]');
    const text = FIELDS[el.tagName] ? '' : (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 100);
    record('click', {
      s: selector(el),
      tg: el.tagName.toLowerCase(),
      tx: text,
      h: link ? link.href : '',
      x: Math.round(event.pageX),
      y: Math.round(event.pageY),
    });
    if (leaves(link, event)) flush(true);
  }, { capture: true, passive: true });
}
