import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtMtime(): number {
  try {
    return statSync(join(root, 'dist', 'src', 'cli.js')).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * bin/okta-mock.js runs dist/, so the CLI and SDK tests need a build that is
 * at least as new as src/. Builds once per run, only when dist is missing or stale.
 */
export default function setup(): void {
  const stale =
    builtMtime() <
    Math.max(
      newestMtime(join(root, 'src')),
      newestMtime(join(root, 'fixtures')),
      statSync(join(root, 'tsconfig.build.json')).mtimeMs,
      statSync(join(root, 'scripts', 'build.mjs')).mtimeMs,
    );
  if (!stale) return;
  // The same build as `npm run build`, so the CLI tests run the bundle that ships.
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build failed before the adapter tests:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}
