// Reads the tag's configuration from its own <script> element.
export function readConfig(script) {
  const attr = (name) => script && script.getAttribute('data-' + name);
  const src = (script && script.src) || location.href;
  return {
    site: attr('site'),
    api: attr('api') || new URL('/api/collect', src).href,
    cookieless: attr('cookieless') != null,
  };
}
