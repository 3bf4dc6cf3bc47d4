// Page views: the first load, then every history navigation of a single-page app (pushState,
// replaceState, back/forward, hash changes). The same URL twice in a row counts once. The previous
// view is ended first (engagement, form abandonment); a page marked data-ct-404 is an error page.
import { on } from './dom.js';

// The current page view. Its URL (url_) is every event's, so that what ends a view is not credited
// to the next URL, which the history already shows when the view ends. changes_ counts the page's DOM
// changes (index.js observes them), last_ is the last click ({info_, at_}; clicks.js).
export const view = { changes_: 0, last_: {} };

export function trackPageviews(record, end, start) {
  function pageview() {
    const previous = view.url_;
    if (location.href == previous) return;
    if (previous) end();
    view.url_ = location.href;
    record('pv', { r: previous || document.referrer, ti: document.title, nf: +!!document.querySelector('[data-ct-404]') });
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
