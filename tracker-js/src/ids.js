// Visitor and session ids: 16 hex digits each. The visitor id lives in localStorage; the session id
// is renewed after 30 minutes without activity. When storage is blocked, and always in cookieless
// mode, they live only as long as the page (and cookieless batches carry none: the collector derives
// the ids from a daily salt, the site, the IP and the User-Agent).
const IDLE_MS = 18e5;

export const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b + 256).toString(16).slice(1)).join('');

// Returns the ids object ({vid, sid}) and a function that renews the session on activity.
export function ids(cookieless) {
  let store = {};
  try {
    if (!cookieless) localStorage.ct_vid ||= randomId(), store = localStorage;
  } catch (e) { /* storage blocked */ }
  const id = { vid: store.ct_vid ||= randomId() };
  return [id, (now) => {
    const [sid, at] = (store.ct_s || '').split(' ');
    store.ct_s = (id.sid = now - at < IDLE_MS ? sid : randomId()) + ' ' + now;
  }];
}
