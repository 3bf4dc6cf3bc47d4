// Engagement of a page view: the deepest point scrolled (percent of the page) and the time it was
// visible. Sent when the page is hidden or the view ends; the engage events of one view add up.
import { round, on } from './dom.js';

export function trackEngagement(record) {
  let depth = 0;
  let visible = 0;
  let shownAt = 0;

  function scrolled() {
    const page = document.documentElement.scrollHeight;
    // The collector caps it at 100.
    if (page) depth = Math.max(depth, round((scrollY + innerHeight) / page * 100));
  }
  on('scroll', scrolled);

  return {
    start_() {
      depth = visible = 0;
      shownAt = !document.hidden && Date.now();
      scrolled();
    },
    shown_() {
      shownAt = shownAt || Date.now();
    },
    // Reports what accumulated since the last report.
    report_() {
      visible += shownAt && Date.now() - shownAt;
      shownAt = 0;
      visible && record('eng', { sd: depth, d: visible });
      visible = 0;
    },
  };
}
