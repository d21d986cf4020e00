import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Vitest runs one file at a time on a two-core machine, so the ordinary run
 * cannot show the two files side by side. Here a nested Vitest runs
 * node-a.test.ts and node-b.test.ts with two workers at once, and the files
 * meet twice (`rendezvous`) while each holds records the other must not see:
 * a file whose partner never arrives fails.
 */
it('node-a and node-b, run in parallel, each see only their own org', { timeout: 120_000 }, async () => {
  const meet = mkdtempSync(join(tmpdir(), 'okta-mock-msw-parallel-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, OKTA_MOCK_MSW_RENDEZVOUS: meet, NO_COLOR: '1', FORCE_COLOR: '0' };
    for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
    const vitest = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
    const args = [vitest, 'run', '--project', 'all', '--maxWorkers', '2', '--fileParallelism', 'test/msw/node-a.test.ts', 'test/msw/node-b.test.ts'];
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, output }));
    });
    expect(code, output).toBe(0);
    expect(output).toMatch(/Test Files\s+2 passed \(2\)/);
    expect(readdirSync(meet).sort()).toEqual(['a-checked', 'a-created', 'b-checked', 'b-created']);
  } finally {
    rmSync(meet, { recursive: true, force: true });
  }
});
