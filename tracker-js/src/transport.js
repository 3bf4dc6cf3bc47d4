// Sends a batch: sendBeacon when the page is going away (it survives unload), otherwise fetch with
// keepalive. text/plain keeps the request "simple": no CORS preflight.
export function send(api, body, unloading) {
  if (unloading && navigator.sendBeacon) {
    try {
      if (navigator.sendBeacon(api, new Blob([body], { type: 'text/plain' }))) return Promise.resolve(true);
    } catch (e) { /* fall through to fetch */ }
  }
  return fetch(api, { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'text/plain' } })
    .then((r) => r.ok || r.status < 500 && r.status != 429)
    .catch(() => false);
}
