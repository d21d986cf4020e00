#!/usr/bin/env node
// Writes schema/fixtures.schema.json, the JSON Schema of a fixtures document, from the zod schemas
// the loader validates with (src/store/fixtures-json-schema.ts). With --check, regenerates in
// memory and fails if the committed file differs, like check-generated.mjs does for the OpenAPI types.
// The TypeScript source is bundled with the esbuild installed in node_modules (no network).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'schema', 'fixtures.schema.json');

const bundle = await build({
  entryPoints: [join(root, 'src/store/fixtures-json-schema.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'error',
});
const { fixturesJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const fresh = `${JSON.stringify(fixturesJsonSchema(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below like any difference
  }
  if (committed !== fresh) {
    console.error('schema/fixtures.schema.json differs from what src/store/schemas.ts generates.');
    console.error('Fix: run `npm run generate` and commit schema/fixtures.schema.json (never edit it by hand).');
    process.exit(1);
  }
  console.log('fixtures JSON Schema is up to date');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, fresh);
  console.log(`wrote ${target}`);
}
