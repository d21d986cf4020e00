import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../support/org.js';
import { expectOktaError, snapshotTrustedOrigins } from '../support/okta-assertions.js';

describe('an origin whose port has leading zeros', () => {
  it('is refused with 400 E0000001 on origin and not stored, since no browser sends such an Origin', async () => {
    const org = await createTestOrg();
    const before = snapshotTrustedOrigins(org);
    const res = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'Zero port', origin: 'http://a.test:00080', scopes: [{ type: 'CORS' }] },
    });
    await expectOktaError(res, 400, 'E0000001', {
      summary: 'Api validation failed: origin',
      causes: ['origin: Origin value is not valid'],
    });
    expect(snapshotTrustedOrigins(org)).toEqual(before);
  });

  it('written without the zeros is stored as sent', async () => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'Port 80', origin: 'http://a.test:80', scopes: [{ type: 'CORS' }] },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { origin: string }).origin).toBe('http://a.test:80');
  });
});
