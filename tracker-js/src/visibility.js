// What was seen: links at least half visible (once per link per page view), ads (data-ct-ad) at least
// half visible for a second, and funnel steps (data-ct-step) that are shown. Rescanned after changes.
import { selector, text, ignored, round } from './dom.js';

export function trackVisibility(record) {
  // Each element observed in this view, with its ad's pending view timer (0: none).
  let seen;
  let steps;
  const observer = new IntersectionObserver((entries) => entries.forEach((entry) => {
    const el = entry.target;
    const ad = el.getAttribute('data-ct-ad');
    const visible = entry.intersectionRatio >= 0.5;
    if (ad == null) {
      if (!visible) return;
      observer.unobserve(el);
      const box = entry.boundingClientRect;
      record('imp', { s: selector(el), h: el.href, tx: text(el), x: round(box.left + scrollX), y: round(box.top + scrollY) });
    } else if (visible) {
      seen.set(el, setTimeout(() => {
        observer.unobserve(el);
        record('adv', { ad, s: selector(el) });
      }, 1000));
    } else clearTimeout(seen.get(el));
  }), { threshold: 0.5 });

  function scan() {
    document.querySelectorAll('[data-ct-step]').forEach((el) => {
      const n = el.getAttribute('data-ct-step');
      if (!steps[n] && !ignored(el) && el.getClientRects().length) {
        steps[n] = 1;
        record('step', { n });
      }
    });
    document.querySelectorAll('a[href],[data-ct-ad]').forEach((el) => {
      if (!seen.has(el) && !ignored(el)) {
        seen.set(el, 0);
        observer.observe(el);
      }
    });
  }

  return {
    // A new page view: everything may be seen again.
    start_() {
      observer.disconnect();
      seen = new WeakMap();
      steps = {};
      scan();
    },
    scan_: scan,
  };
}
