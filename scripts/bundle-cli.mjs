// The `lemmata` command's start-up bundle: dist/bin/main.js (and the worker-thread entry
// dist/bin/pool-worker.js), built by esbuild from the compiled dist/ after tsc (`npm run build`).
//
// Why: every CLI start loaded ≈ 550 ES modules (the claim modules, TypeBox's ESM files, …); resolving
// and linking them cost ≈ 0.4 s of CPU per start, and the test suite starts the CLI ≈ 150 times. The
// bundle keeps the lazy loading (each dynamic import is a chunk, `splitting`) and loads in ≈ 0.6 of
// the time. It is a start-up optimisation only: the same compiled code, the library entry points
// (dist/api/*) stay unbundled, and bin/lemmata.mjs falls back to dist/cli/main.js when the bundle is
// missing or older than the compiled sources.
//
// Left external (resolved from node_modules at run time, as before):
//   @tensorflow/*     the wasm backend finds its .wasm files beside its own module; the optional
//                     tfjs-node peers load native bindings;
//   onnxruntime-node  native binding;
//   fast-check        a user's implementation module or test may build arbitraries with its own
//                     import of fast-check: one copy, shared with the runner.
// The chunks live in dist/bin/, two levels below the package root like every dist/ module, so
// src/util/paths.ts finds the root and src/runner/pool.ts finds pool-worker.js beside them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * External CommonJS packages loaded with require() rather than import: an ES-module import of a
 * CommonJS file first runs Node's export lexer over it (≈ 0.2 s for TensorFlow.js's bundles); the
 * module instance is the same either way (Node's require cache).
 */
function requireCommonJs(filter) {
  return {
    name: 'require-commonjs-externals',
    setup(b) {
      b.onResolve({ filter }, (args) => (args.namespace === 'require-cjs' ? { path: args.path, external: true } : { path: args.path, namespace: 'require-cjs' }));
      b.onLoad({ filter: /.*/, namespace: 'require-cjs' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bin');
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'dist', 'cli', 'main.js'), path.join(root, 'dist', 'runner', 'pool-worker.js')],
  outdir,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  keepNames: true,
  external: ['fast-check'],
  plugins: [requireCommonJs(/^(@tensorflow\/|onnxruntime-node$)/)],
  // CommonJS dependencies bundled into ES modules call require() for Node built-ins
  banner: { js: "import { createRequire as __lemmataCreateRequire } from 'node:module'; const require = __lemmataCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
