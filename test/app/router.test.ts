/**
 * Every route the app has (API, pages, console, control API) fits Hono's
 * RegExpRouter. One route it cannot express makes Hono's SmartRouter pick the
 * TrieRouter for the whole app, and every API request then pays for it.
 */
import { describe, expect, it } from 'vitest';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { createOrg } from '../../src/org.js';

describe('the app\'s routes', () => {
  it('are all routable by RegExpRouter, so the SmartRouter keeps the fast one', async () => {
    const org = createOrg();
    const router = new RegExpRouter<number>();
    for (const route of org.app.routes) router.add(route.method, route.path, 0);
    const unsupported = (() => {
      try {
        router.match('GET', '/api/v1/trustedOrigins');
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(unsupported).toBeUndefined();
    await org.app.fetch(new Request('http://org.example/api/v1/trustedOrigins'));
    expect((org.app.router as { name: string }).name).toBe('SmartRouter + RegExpRouter');
  });
});
