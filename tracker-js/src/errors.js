// Uncaught errors and unhandled rejections: message, script and line; each distinct error once per
// page view, at most 10 per page view.
import { on } from './dom.js';

export function trackErrors(record, onError) {
  let seen = new Set();
  function report(message, source, line) {
    const n = String(message || 'Error').slice(0, 300);
    const key = n + source + line;
    if (seen.has(key) || seen.size > 9) return;
    seen.add(key);
    record('error', { n, h: source, ln: line });
    onError(n);
  }
  on('error', (e) => e.message && report(e.message, e.filename, e.lineno));
  on('unhandledrejection', (e) => report(e.reason?.message || e.reason));
  return () => seen.clear();
}
