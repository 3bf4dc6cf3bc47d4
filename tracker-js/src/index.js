// ClickTrace tag: <script defer src="https://HOST/ct.js" data-site="KEY"></script>
// Records page views and clicks, batches them and posts them to the collector. It never throws into
// the host page: every entry point is wrapped.
import { readConfig } from './config.js';
import { ids as makeIds } from './ids.js';
import { queue as makeQueue } from './queue.js';
import { trackPageviews } from './pageviews.js';
import { trackClicks } from './clicks.js';

function safe(fn) {
  return function () {
    try {
      return fn.apply(this, arguments);
    } catch (e) { /* the host page must never see our errors */ }
  };
}

safe(() => {
  const config = readConfig(document.currentScript);
  if (!config.site || window.__clicktrace) return;
  window.__clicktrace = 1;
  const ids = makeIds(config.cookieless);
  let sid = ids.session(Date.now());
  const q = makeQueue(config.api, () => ({ v: 1, site: config.site, sid, vid: ids.vid }));

  const record = safe((type, fields) => {
    const now = Date.now();
    sid = ids.session(now);
    q.push({
      id: crypto.randomUUID ? crypto.randomUUID() : uuid(),
      t: type,
      ts: now,
      u: location.href,
      vw: innerWidth,
      vh: innerHeight,
      ...fields,
    });
  });

  // clicktrace('signup', {plan: 'pro'}): custom events; calls made before the tag loaded are replayed.
  const api = safe((name) => record('custom', { n: String(name) }));
  const early = (window.clicktrace && window.clicktrace.q) || [];
  window.clicktrace = api;
  early.forEach((args) => api.apply(null, args));

  const leave = safe(() => q.flush(true));
  trackPageviews(record);
  trackClicks(record, leave);
  addEventListener('pagehide', leave);
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && leave());
})();

function uuid() {
  const h = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1));
  h[6] = '4' + h[6][1];
  h[8] = ((parseInt(h[8], 16) & 0x3f) | 0x80).toString(16);
  return h.slice(0, 4).join('') + '-' + h.slice(4, 6).join('') + '-' + h.slice(6, 8).join('') + '-' + h.slice(8, 10).join('') + '-' + h.slice(10).join('');
}
