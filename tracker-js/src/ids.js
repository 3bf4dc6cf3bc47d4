// Visitor and session ids: 16 hex digits each. The visitor id lives in localStorage; the session id
// is renewed after 30 minutes without activity. When storage is blocked, and always in cookieless
// mode, they live only as long as the page (and cookieless batches carry none: the collector derives
// the ids from a daily salt, the site, the IP and the User-Agent).
const IDLE_MS = 18e5;

export const randomId = () => (crypto.getRandomValues(new BigUint64Array(1))[0] + 2n ** 64n).toString(16).slice(1);

// Returns the ids object ({vid, sid}) and a function that renews the session on activity.
export function ids(cookieless) {
  let store = {};
  try {
    if (!cookieless) localStorage.ct_vid ||= randomId(), store = localStorage;
  } catch (e) { /* storage blocked */ }
  const id = { vid: store.ct_vid ||= randomId() };
  let at = 0;
  let saved = 0;
  // Storage is slow (tens of microseconds a call): it is read only when this page's session has
  // expired (another tab may have kept it alive) and written at most every 10 seconds.
  return [id, (now) => {
    if (now - at > IDLE_MS) {
      const [sid, active] = (store.ct_s || '').split(' ');
      id.sid = now - active < IDLE_MS ? sid : randomId();
      saved = 0;
    }
    at = now;
    if (now - saved > 1e4) store.ct_s = id.sid + ' ' + (saved = now);
  }];
}
