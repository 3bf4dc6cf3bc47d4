// Clicks: which element (resolved to its nearest interactive ancestor), its selector, tag, visible
// text, link, ad, and where: on the page and within the element. The element's box is read after the
// next frame, never on the click path. Also the frustration signals: rage, dead and error clicks.
import { selector, text, ignored, round, on } from './dom.js';

const INTERACTIVE = 'a,button,input,select,textarea,label,summary,[role=button],[role=link],[onclick]';
const DEAD_MS = 2500;

export function trackClicks(record, config, changes) {
  const [rageCount, radius, windowMs] = config.rage_;
  let burst = [];
  let rageTimer = 0;
  let last = null;
  let selected = '';

  on('click', (event) => {
    const hit = event.target;
    if (ignored(hit)) return;
    const interactive = hit.closest(INTERACTIVE);
    const el = interactive || hit;
    const link = el.closest('a[href]');
    const ad = el.closest('[data-ct-ad]');
    const now = Date.now();
    const x = round(event.pageX);
    const y = round(event.pageY);
    const info = { s: selector(el), tg: el.localName, tx: text(el), h: link?.href, x, y };
    const click = record('click', { ...info, i: +!!interactive, ad: ad?.getAttribute('data-ct-ad') });
    // A click that changed the selection selected text (double and triple clicks select words and lines).
    const selection = '' + getSelection();
    const selecting = selection && selection != selected;
    selected = selection;
    last = { info_: info, at_: now };

    requestAnimationFrame(() => setTimeout(() => {
      const box = el.getBoundingClientRect();
      // In page coordinates: the page may have scrolled since the click.
      click.ex = round(event.pageX - box.left - scrollX);
      click.ey = round(event.pageY - box.top - scrollY);
    }));

    // Rage: quick clicks in one spot that changed nothing (a stepper's clicks change the page) and
    // selected no text. Reported when the burst ends.
    const mark = changes();
    burst = selecting ? [] : [...burst.filter((c) => now - c.at_ < windowMs && Math.hypot(c.x - x, c.y - y) < radius && c.mark_ == mark), { at_: now, x, y, mark_: mark }];
    if (burst.length >= rageCount) {
      const count = burst.length;
      clearTimeout(rageTimer);
      rageTimer = setTimeout(() => record('rage', { ...info, c: count }), windowMs);
    }

    // Dead: no navigation, no page change and no focus change within 2.5 s.
    const focus = document.activeElement;
    const href = location.href;
    if (!selecting) setTimeout(() => {
      if (changes() == mark && document.activeElement == focus && location.href == href && !document.hidden) record('dead', info);
    }, DEAD_MS);
  });

  // Error clicks: a script error within a second of a click.
  return (message) => {
    if (last && Date.now() - last.at_ < 1000) record('errclick', { ...last.info_, n: message });
    last = null;
  };
}
