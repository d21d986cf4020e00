/** `--rate-limit` (and OKTA_MOCK_RATE_LIMIT) through the real CLI: the 429 and its log line, and a bad value refused. */
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli, stopAllClis } from '../support/cli.js';

afterAll(stopAllClis);

describe('okta-mock CLI: --rate-limit', () => {
  it('answers the request past --rate-limit 1 with 429 E0000047 and prints a ! rate limited line under it', async () => {
    const cli = await startCli(['--rate-limit', '1']);
    const call = () => fetch(`${cli.url}/api/v1/trustedOrigins`, { headers: { Authorization: `SSWS ${cli.token}` } });
    expect((await call()).status).toBe(200);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errorCode: string }).errorCode).toBe('E0000047');
    while (!cli.stdout().includes('! rate limited')) await new Promise((resolve) => setTimeout(resolve, 10));
    // The start-up lines come before any request line.
    expect(cli.stdout()).toContain('Rate limit enforced: 1 per minute per endpoint family (429 E0000047 past it)\n');
    expect(cli.stdout()).toMatch(/GET \/api\/v1\/trustedOrigins 429 E0000047 [\d.]+ms\n {2}! rate limited: /);
    expect(await cli.stop()).toBe(0);
  });

  it('takes the limit from OKTA_MOCK_RATE_LIMIT when the flag is not given', async () => {
    const cli = await startCli(['--quiet'], 10_000, { env: { OKTA_MOCK_RATE_LIMIT: '1' } });
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await fetch(`${cli.url}/.well-known/okta-organization`)).status);
    expect(statuses).toEqual([200, 429]);
    expect(await cli.stop()).toBe(0);
  });

  it.each(['0', 'ten', '1.5'])('fails with one line for --rate-limit %s', async (value) => {
    const { code, stdout, stderr } = await runCli(['--port', '0', '--rate-limit', value]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`okta-mock: --rate-limit must be an integer from 1 to 1000000, got '${value}'\n`);
  });
});
