// Forms: each field used (name, type, time in it, whether it was changed; never its value), each
// submit, and abandonment: a page left with a started, unsubmitted form names its last field.
import { selector, ignored, FIELDS, on } from './dom.js';

export function trackForms(record) {
  let current = null;
  let last = null;
  let started = null;

  const about = (field) => ({ n: field.name || field.id || selector(field), tg: field.type, s: field.form && selector(field.form) });

  function left() {
    if (!current) return;
    last = { ...about(current.field_), d: Date.now() - current.at_ };
    record('field', { ...last, c: current.changed_ });
    current = null;
  }

  // Focus leaves a field before it enters the next one: focusout ends the current field's use.
  on('focusin', (e) => {
    const field = e.target;
    if (ignored(field) || !field.matches(FIELDS)) return;
    current = { field_: field, at_: Date.now(), changed_: 0 };
    started = field.form || started;
  });
  on('change', () => current && (current.changed_ = 1));
  on('focusout', left);
  on('submit', (e) => {
    left();
    record('sub', { s: selector(e.target) });
    if (started == e.target) started = null;
  });

  // The page view ends (the page is left, or a single-page app navigates).
  return () => {
    left();
    if (started && last) record('aban', last);
    started = last = null;
  };
}
