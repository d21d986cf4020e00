#!/usr/bin/env node
/**
 * The package build (`npm run build`): what ships in dist/.
 *
 * - tsc emits only the type declarations (dist/src/**\/*.d.ts), so the
 *   published `types` conditions stay as they were;
 * - esbuild bundles the four entries (okta-mock, okta-mock/msw,
 *   okta-mock/node, the CLI) into dist/src/{index,msw,node,cli}.js, with the
 *   code they share in dist/src/chunk-*.js (one copy of the app, so classes
 *   like OktaApiError are the same across entries). Bundling is what makes
 *   start-up cheap: Node loads a handful of files instead of ~600 modules
 *   (most of them es-toolkit behind @msw/data), and only the code used.
 *   `msw` is a peer dependency and stays an import;
 * - the default fixtures' JSON is copied to dist/fixtures/, where
 *   DEFAULT_FIXTURES_DIR points from dist/src/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

/** The published entries, by the file each one is built to under dist/src/. */
export const ENTRIES = ['src/index.ts', 'src/msw.ts', 'src/node.ts', 'src/cli.ts'];

rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--declarationMap', 'false'], {
  cwd: root,
  stdio: 'inherit',
});

/**
 * zod re-exports every locale (`z.locales`, `core.locales`): about half of its
 * bundled size, which every importer would parse. okta-mock uses none of them
 * (zod's English messages, which fixture errors show, load on their own), so
 * the aggregate module is replaced by an empty one.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

await build({
  absWorkingDir: root,
  plugins: [zodWithoutLocales],
  entryPoints: ENTRIES,
  outdir: 'dist/src',
  bundle: true,
  splitting: true,
  format: 'esm',
  // Node built-ins stay imports; the browser entries reach none (test/browser/published-entries.test.ts).
  platform: 'node',
  target: 'node20.19',
  // msw: a peer dependency, never bundled. selfsigned (the HTTPS option's certificate maker, a
  // CommonJS package that requires Node built-ins at run time): left to Node's own loader.
  external: ['msw', 'msw/*', 'selfsigned'],
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

cpSync(`${root}fixtures`, `${dist}/fixtures`, { recursive: true, filter: (path) => !/\.md$/.test(path) });
