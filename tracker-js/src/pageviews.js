// Page views: the first load, then every history navigation of a single-page app (pushState,
// replaceState, back/forward, hash changes). The same URL twice in a row counts once. The previous
// view is ended first (engagement, form abandonment); a page marked data-ct-404 is an error page.
import { on } from './dom.js';

export function trackPageviews(record, end, start) {
  let last = null;
  function pageview() {
    if (location.href == last) return;
    const referrer = last || document.referrer;
    if (last) end();
    last = location.href;
    record('pageview', { r: referrer, ti: document.title, nf: +!!document.querySelector('[data-ct-404]') });
    start();
  }
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function () {
      const result = original.apply(this, arguments);
      pageview();
      return result;
    };
  }
  on('popstate', pageview);
  on('hashchange', pageview);
  pageview();
}
