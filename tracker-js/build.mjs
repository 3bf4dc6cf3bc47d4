// Bundles src/ into one minified IIFE, dist/ct.js, and its gzip, dist/ct.js.gz, which is what the app
// serves (the size budget, 3,072 bytes gzipped, applies to it).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

await build({
  entryPoints: ['src/index.js'],
  outfile: 'dist/ct.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  // Internal property names end in _ and are shortened; the wire keys and the page-facing API are not.
  mangleProps: /_$/,
});
// Terser's extra passes take about 100 more bytes off the gzipped size than esbuild alone. Its
// "unsafe" rewrites assume the built-ins are not replaced by the page (String, Array, ...), which the
// tag already relies on; booleans become 0/1, which the wire format's 0/1 flags and the DOM accept.
const squeezed = await minify(readFileSync('dist/ct.js', 'utf8'), {
  ecma: 2020,
  compress: { passes: 5, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, toplevel: true, booleans_as_integers: true, hoist_funs: true },
  mangle: { toplevel: true },
  format: { comments: false },
});
writeFileSync('dist/ct.js', squeezed.code);
// Zopfli writes ordinary gzip (any client inflates it), about 2% smaller than zlib's best level.
const code = readFileSync('dist/ct.js');
const gzip = Buffer.from(await gzipAsync(code, { numiterations: 2000 }));
writeFileSync('dist/ct.js.gz', gzip);
console.log(`ct.js: ${code.length} bytes, ${gzip.length} bytes gzipped (zopfli; zlib -9: ${gzipSync(code, { level: 9 }).length})`);
