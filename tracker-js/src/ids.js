// Session and visitor ids: 16 hex digits. The visitor id lives in localStorage; the session id is
// renewed after 30 minutes without activity. In cookieless mode the tag keeps no ids at all: the
// collector derives them from a daily salt, the site, the IP and the User-Agent.
const IDLE_MS = 30 * 60 * 1000;

export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('');
}

function store(cookieless) {
  try {
    return cookieless ? null : localStorage;
  } catch (e) {
    return null; // storage blocked: fall back to ids that live as long as the page
  }
}

export function ids(cookieless) {
  const s = store(cookieless);
  const get = (k) => s && s.getItem(k);
  const set = (k, v) => s && s.setItem(k, v);
  let vid = get('ct_vid');
  if (!cookieless && !vid) set('ct_vid', (vid = randomId()));
  let memory = { sid: randomId(), at: 0 };
  return {
    vid: cookieless ? undefined : vid,
    // Returns the current session id, starting a new session after the idle timeout.
    session(now) {
      if (cookieless) return undefined;
      let sid = get('ct_sid') || memory.sid;
      const last = +(get('ct_sat') || memory.at);
      if (last && now - last > IDLE_MS) sid = randomId();
      memory = { sid, at: now };
      set('ct_sid', sid);
      set('ct_sat', '' + now);
      return sid;
    },
  };
}
