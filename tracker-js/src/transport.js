// Sends a batch: sendBeacon when the page is going away (it survives unload), otherwise fetch with
// keepalive. text/plain keeps the request "simple": no CORS preflight. Resolves false when the batch
// should be retried (429, 5xx, network, or a page's broken fetch that throws); other refusals are final.
export const send = (api, body, unloading) =>
  Promise.resolve()
    // A string body is sent as text/plain;charset=UTF-8 by both.
    .then(() => (unloading && navigator.sendBeacon(api, body)) || fetch(api, { method: 'POST', body, keepalive: true }).then((r) => r.status < 500 && r.status != 429))
    .catch(() => 0);
