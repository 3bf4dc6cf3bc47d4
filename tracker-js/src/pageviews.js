// Page views: the first load, then every history navigation of a single-page app (pushState,
// replaceState, back/forward, hash changes). The same URL twice in a row counts once.
export function trackPageviews(record) {
  let last = null;
  function pageview() {
    if (location.href === last) return;
    const referrer = last || document.referrer;
    last = location.href;
    record('pageview', { r: referrer, ti: document.title });
  }
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function () {
      const result = original.apply(this, arguments);
      pageview();
      return result;
    };
  }
  addEventListener('popstate', pageview);
  addEventListener('hashchange', pageview);
  pageview();
}
