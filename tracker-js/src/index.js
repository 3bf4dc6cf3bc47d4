// ClickTrace tag: <script defer src="https://HOST/ct.js" data-site="KEY"></script>
// Records page views, clicks, what was seen, forms, frustration, errors and engagement, batches them
// and posts them to the collector. It never throws into the host page: every entry point is wrapped.
import { readConfig } from './config.js';
import { ids as makeIds, randomId } from './ids.js';
import { queue as makeQueue } from './queue.js';
import { trackPageviews, view } from './pageviews.js';
import { trackClicks } from './clicks.js';
import { trackForms } from './forms.js';
import { trackErrors } from './errors.js';
import { trackVisibility } from './visibility.js';
import { trackEngagement } from './engage.js';
import { safe, on } from './dom.js';

safe(() => {
  const config = readConfig(document.currentScript);
  const nav = navigator;
  if (!config.site_ || window.clicktrace?.identify) return;
  if (config.dnt_ && (nav.doNotTrack == '1' || nav.globalPrivacyControl)) return;
  if (!config.local_ && (nav.webdriver || /^(localhost|127\.|\[::1\]$)/.test(location.hostname))) return;
  const [id, touch] = makeIds(config.cookieless_);
  // Sampling keeps or leaves out whole visitors, by their id (per page load when cookieless).
  if (('0x' + id.vid.slice(0, 8)) / 2 ** 32 >= config.sample_) return;
  const prefix = randomId();
  let count = 0;
  const q = makeQueue(config.api_, () => ({ v: 1, site: config.site_, ...!config.cookieless_ && id }));

  const record = safe((type, fields) => {
    const now = Date.now();
    touch(now);
    const event = {
      // 32 hex digits: 16 random per page, then a 16-digit counter (cheaper than random bytes per event).
      id: prefix + (1e15 + ++count),
      t: type,
      ts: now,
      u: view.url_,
      vw: innerWidth,
      vh: innerHeight,
      ...fields,
    };
    q.push_(event);
    return event;
  });

  // clicktrace('signup', {plan: 'pro'}), clicktrace('purchase', {revenue: 49.9, currency: 'EUR'}),
  // clicktrace.identify('customer-123'). Calls queued by the stub before the tag loaded are replayed.
  const api = safe((name, props) => record('custom', { n: String(name), p: props }));
  const early = window.clicktrace?.q || [];
  api.identify = safe((id) => record('ident', { n: String(id) }));
  window.clicktrace = api;

  const seen = trackVisibility(record);
  const engagement = trackEngagement(record);
  const abandon = trackForms(record);
  trackClicks(record, config);
  const resetErrors = trackErrors(record);
  let rescan = 0;
  new MutationObserver(() => {
    view.changes_++;
    rescan = rescan || setTimeout(safe(() => (rescan = 0, seen.scan_())), 500);
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true });

  const end = safe(() => {
    engagement.report_();
    abandon();
  });
  trackPageviews(record, end, safe(() => {
    resetErrors();
    engagement.start_();
    seen.start_();
  }));
  early.forEach((args) => api(...args));
  on('pagehide', () => {
    end();
    q.flush_(true);
  });
  on('visibilitychange', () => {
    if (!document.hidden) return engagement.shown_();
    engagement.report_();
    q.flush_(true);
  });
})();
