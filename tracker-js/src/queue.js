// Batches events: flushed when 20 are waiting (in a task of its own), 2 s after the first one, and
// when the page is hidden or left. A batch the collector could not take (429, 5xx, offline) goes back to the front and
// is retried with a doubling delay (up to a minute); past 500 waiting events the oldest are dropped.
import { send } from './transport.js';

const MAX_BATCH = 20;
const MAX_QUEUE = 500;
const DELAY_MS = 2000;

export function queue(api, header) {
  let events = [];
  let timer = 0;
  let backoff = 0;

  function flush(unloading) {
    clearTimeout(timer);
    timer = 0;
    while (events.length) {
      const batch = events.splice(0, MAX_BATCH);
      send(api, JSON.stringify({ ...header(), events: batch }), unloading).then((ok) => {
        backoff = ok ? 0 : Math.min(backoff * 2 || DELAY_MS, 60000);
        ok || (events = batch.concat(events).slice(-MAX_QUEUE), schedule());
      });
    }
  }

  const schedule = () => (timer ||= setTimeout(flush, backoff || DELAY_MS));

  return {
    // A full batch goes out in a task of its own, never on the path of the click that filled it.
    push_(event) {
      events.push(event) > MAX_QUEUE && events.shift();
      events.length < MAX_BATCH || backoff || (clearTimeout(timer), (timer = setTimeout(flush)));
      schedule();
    },
    flush_: flush,
  };
}
