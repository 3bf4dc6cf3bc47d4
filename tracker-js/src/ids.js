// Session and visitor ids: 16 hex digits. The visitor id lives in localStorage; the session id is
// renewed after 30 minutes without activity. When storage is blocked they live as long as the page.
// In cookieless mode the tag keeps no ids at all: the collector derives them from a daily salt, the
// site, the IP and the User-Agent.
const IDLE_MS = 30 * 60 * 1000;

export const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b + 256).toString(16).slice(1)).join('');

export function ids(cookieless) {
  let store;
  try {
    store = !cookieless && localStorage;
  } catch (e) { /* storage blocked */ }
  const get = (key) => store && store[key];
  const set = (key, value) => (store && (store[key] = value), value);
  let sid = randomId();
  let at = 0;
  return {
    vid_: cookieless ? undefined : get('ct_vid') || set('ct_vid', randomId()),
    // The current session id, a new one after the idle timeout.
    session_(now) {
      if (cookieless) return;
      sid = get('ct_sid') || sid;
      at = +get('ct_sat') || at;
      set('ct_sid', sid = at && now - at > IDLE_MS ? randomId() : sid);
      set('ct_sat', at = now);
      return sid;
    },
  };
}
