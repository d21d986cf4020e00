import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultRuleError } from '../../src/index.js';
import { createOktaHandlers } from '../../src/msw.js';
import { api, ORG_URL, unhandledPolicy } from './support.js';

/**
 * `org.faults` and `rateLimit` on the MSW handle: the same rules the control
 * API's `/__okta-mock/faults` changes, with no HTTP in between, and the same 429.
 */
const { handlers, org } = createOktaHandlers({ orgUrl: ORG_URL, rateLimit: 3 });
const server = setupServer(...handlers);

beforeAll(() => server.listen(unhandledPolicy(() => 'error')));
afterEach(() => org.reset());
afterAll(() => server.close());

describe('okta-mock/msw: org.faults', () => {
  it('add(rule) makes the intercepted call answer Okta\'s error, times counting down, and journals it as a fault', async () => {
    const rule = org.faults.add({ method: 'POST', path: '/api/v1/trustedOrigins', status: 500, errorCode: 'E0000009', times: 1 });
    expect(rule).toMatchObject({ id: expect.stringMatching(/^flt\d+$/), status: 500, errorCode: 'E0000009', times: 1 });
    const json = { name: 'Under MSW', origin: 'https://under-msw.example', scopes: [{ type: 'CORS' }] };
    const faulted = await api('/api/v1/trustedOrigins', { method: 'POST', json });
    expect(faulted.status).toBe(500);
    expect(await faulted.json()).toMatchObject({ errorCode: 'E0000009', errorSummary: 'Internal Server Error', errorCauses: [] });
    expect(org.faults.list()).toEqual([]);
    expect(org.requests({ limit: 1 })[0]).toMatchObject({ status: 500, errorCode: 'E0000009', fault: { id: rule.id } });
    expect((await api('/api/v1/trustedOrigins', { method: 'POST', json })).status).toBe(200);
  });

  it('list() shows the rules in force and clear() removes them all', async () => {
    org.faults.add({ path: '/api/v1/users/me', delayMs: 5 });
    org.faults.add([{ path: '/api/v1/authn', status: 503 }]);
    expect(org.faults.list().map((r) => r.path)).toEqual(['/api/v1/users/me', '/api/v1/authn']);
    org.faults.clear();
    expect(org.faults.list()).toEqual([]);
  });

  it('is the same set of rules the control API lists', async () => {
    const rule = org.faults.add({ path: '/api/v1/authn', status: 503 });
    const res = await api('/__okta-mock/faults');
    expect(await res.json()).toEqual([rule]);
  });

  it('add() throws a FaultRuleError naming every problem and adds nothing', () => {
    let error: unknown;
    try {
      org.faults.add({ path: 'users', status: 200 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FaultRuleError);
    expect((error as FaultRuleError).problems.map((p) => p.field)).toEqual(['path', 'status']);
    expect(org.faults.list()).toEqual([]);
  });

  it('answers past rateLimit with 429 E0000047 and X-Rate-Limit-Remaining 0', async () => {
    const statuses = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await api('/api/v1/users/me');
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
    expect(last!.headers.get('X-Rate-Limit-Remaining')).toBe('0');
    expect(((await last!.json()) as { errorCode: string }).errorCode).toBe('E0000047');
  });
});
