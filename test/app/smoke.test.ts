import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../support/org.js';

describe('trusted origins over app.fetch', () => {
  it('lists the three seeded origins in the reference order', async () => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/trustedOrigins');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Array<{ id: string }>;
    expect(body.map((o) => o.id)).toEqual(['tosue7JvguwJ7U6kz0g3', 'tos10hzarOl8zfPM80g4', 'tos10i0nu9m7pAlJQ0g4']);
  });
});
