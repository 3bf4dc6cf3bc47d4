// Sends a batch: sendBeacon when the page is going away (it survives unload), otherwise fetch with
// keepalive. text/plain keeps the request "simple": no CORS preflight. Resolves false when the batch
// should be retried (429, 5xx, network); other refusals are final.
export function send(api, body, unloading) {
  // A string body is sent as text/plain;charset=UTF-8 by both.
  if (unloading && navigator.sendBeacon(api, body)) return Promise.resolve(true);
  return fetch(api, { method: 'POST', body, keepalive: true })
    .then((r) => r.status < 500 && r.status != 429, () => 0);
}
