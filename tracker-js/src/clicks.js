// Clicks: which element (resolved to its nearest interactive ancestor), its selector, tag, visible
// text, link, ad, and where: on the page and within the element. The element's box is read after the
// next frame, never on the click path. Also the frustration signals: rage, dead and error clicks.
import { selector, text, ignored, round, on, FIELDS } from './dom.js';
import { view } from './pageviews.js';

const INTERACTIVE = 'a,button,label,summary,[role=button],[role=link],[onclick],' + FIELDS;
const DEAD_MS = 2500;

export function trackClicks(record, config) {
  const [rageCount, radius, windowMs] = config.rage_;
  let burst = [];
  let rageTimer = 0;

  on('click', (event) => {
    const hit = event.target;
    // A page's own el.click() is not a visitor's click.
    if (!event.isTrusted || ignored(hit)) return;
    const interactive = hit.closest(INTERACTIVE);
    const el = interactive || hit;
    const link = el.closest('a[href]');
    const ad = el.closest('[data-ct-ad]');
    const now = Date.now();
    const x = round(event.pageX);
    const y = round(event.pageY);
    const info = { s: selector(el), tg: el.localName, tx: text(el), h: link?.href, x, y };
    const click = record('click', { ...info, i: +!!interactive, ad: ad?.getAttribute('data-ct-ad') });
    // A click that leaves a selection inside what was clicked selected text (double and triple clicks
    // select words and lines; a click elsewhere would have collapsed it, and a button keeps its own out).
    // Reading the selection's text would force a layout; its type and anchor do not.
    const selection = getSelection();
    const selecting = selection.type == 'Range' && hit.contains(selection.anchorNode);
    view.last_ = { info_: info, at_: now };

    const focus = document.activeElement;
    const url = view.url_;
    const mark = view.changes_;
    // After the next frame, off the click path: the element's box (layout is fresh then), and the
    // dead-click check 2.5 s on: no navigation, no page change and no focus change.
    requestAnimationFrame(() => setTimeout(() => {
      const box = el.getBoundingClientRect();
      // In page coordinates: the page may have scrolled since the click.
      click.ex = round(event.pageX - box.left - scrollX);
      click.ey = round(event.pageY - box.top - scrollY);
      selecting || setTimeout(() => {
        if (view.changes_ == mark && document.activeElement == focus && view.url_ == url && !document.hidden) record('dead', info);
      }, DEAD_MS);
    }));

    // Rage: quick clicks in one spot that changed nothing (a stepper's clicks change the page) and
    // selected no text. Reported when the burst ends.
    burst = selecting ? [] : [...burst.filter((c) => now - c.at_ < windowMs && Math.hypot(c.x - x, c.y - y) < radius && c.mark_ == mark), { at_: now, x, y, mark_: mark }];
    if (burst.length >= rageCount) {
      const count = burst.length;
      clearTimeout(rageTimer);
      rageTimer = setTimeout(() => record('rage', { ...info, c: count }), windowMs);
    }

  });

}
