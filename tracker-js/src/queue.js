// Batches events: flushed when 20 are waiting, 2 s after the first one, and when the page is hidden.
// A batch the collector could not take (busy, offline) is put back once, within a bounded queue.
import { send } from './transport.js';

const MAX_BATCH = 20;
const MAX_QUEUE = 500;
const DELAY_MS = 2000;

export function queue(api, header) {
  let events = [];
  let timer = 0;

  function flush(unloading) {
    clearTimeout(timer);
    timer = 0;
    while (events.length) {
      const batch = events.splice(0, MAX_BATCH);
      send(api, JSON.stringify({ ...header(), events: batch }), unloading).then((ok) => {
        if (!ok && events.length + batch.length <= MAX_QUEUE) {
          events = batch.concat(events);
          schedule(DELAY_MS * 5);
        }
      });
    }
  }

  function schedule(delay) {
    if (!timer) timer = setTimeout(flush, delay);
  }

  return {
    push(event) {
      if (events.length >= MAX_QUEUE) return;
      events.push(event);
      events.length >= MAX_BATCH ? flush() : schedule(DELAY_MS);
    },
    flush,
  };
}
