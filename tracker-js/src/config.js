// Reads the tag's configuration from its own <script> element (docs/tag.md lists the attributes).
export function readConfig(script) {
  const attr = (name) => script.getAttribute('data-' + name);
  const has = (name) => attr(name) != null;
  return {
    site_: attr('site'),
    api_: attr('api') || new URL('/api/collect', script.src).href,
    cookieless_: has('cookieless'),
    dnt_: has('respect-dnt'),
    local_: has('local'),
    sample_: +(attr('sample') ?? 1),
    // Rage clicks: "count radius-px window-ms".
    rage_: (attr('rage') || '3 30 1000').split(' ').map(Number),
  };
}
