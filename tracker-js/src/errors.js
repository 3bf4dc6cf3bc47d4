// Uncaught errors and unhandled rejections: message, script and line; each distinct error once per
// page view, at most 10 per page view.
import { on } from './dom.js';

export function trackErrors(record, onError) {
  let seen = {};
  let count = 0;
  function report(message, source, line) {
    const n = String(message || 'Error').slice(0, 300);
    const key = n + source + line;
    if (seen[key] || count++ >= 10) return;
    seen[key] = 1;
    record('error', { n, h: source || '', ln: line || 0 });
    onError(n);
  }
  on('error', (e) => e.message && report(e.message, e.filename, e.lineno));
  on('unhandledrejection', (e) => report(e.reason && e.reason.message || e.reason));
  return () => {
    seen = {};
    count = 0;
  };
}
