// Uncaught errors and unhandled rejections: message, script and line; each distinct error once per
// page view, at most 10 per page view; and error clicks.
import { on } from './dom.js';
import { view } from './pageviews.js';

export function trackErrors(record) {
  let seen = new Set();
  function report(message, source, line) {
    const n = String(message || 'Error').slice(0, 300);
    const key = n + source + line;
    if (seen.has(key) || seen.size > 9) return;
    seen.add(key);
    record('error', { n, h: source, ln: line });
    // An error within a second of a click is an error click on that element.
    const click = view.last_;
    if (Date.now() - click.at_ < 1000) record('errc', { ...click.info_, n });
    click.at_ = 0;
  }
  on('error', (e) => e.message && report(e.message, e.filename, e.lineno));
  on('unhandledrejection', (e) => report(e.reason?.message || e.reason));
  return () => seen.clear();
}
