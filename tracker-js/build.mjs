// Bundles src/ into one minified IIFE, dist/ct.js, and reports its gzipped size.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

await build({
  entryPoints: ['src/index.js'],
  outfile: 'dist/ct.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  legalComments: 'none',
  // Internal property names end in _ and are shortened; the wire keys and the page-facing API are not.
  mangleProps: /_$/,
});
const code = readFileSync('dist/ct.js');
console.log(`ct.js: ${code.length} bytes, ${gzipSync(code, { level: 9 }).length} bytes gzipped`);
