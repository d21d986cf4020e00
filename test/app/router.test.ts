/**
 * Every route the app has (API, pages, console, control API) fits Hono's
 * RegExpRouter. One route it cannot express makes Hono's SmartRouter pick the
 * TrieRouter for the whole app, and every API request then pays for it.
 * And the API's reads are answered synchronously: a middleware or an async
 * step slipped onto their path would put a promise back on every request.
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

  it.each([
    ['a GET by id', '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', 200],
    ['a list', '/api/v1/trustedOrigins?limit=2', 200],
    ['an unknown id', '/api/v1/trustedOrigins/tosNothingHere000000', 404],
    ['a request without a token', '/api/v1/trustedOrigins', 403],
    ['the org metadata', '/.well-known/okta-organization', 200],
  ])('answer %s as a Response, not a promise of one', async (_, path, status) => {
    const org = createOrg();
    await org.ready;
    const token = org.fixtures.users.flatMap((u) => u.apiTokens)[0]!;
    const headers: Record<string, string> = status === 403 ? {} : { Authorization: `SSWS ${token}` };
    const answer = org.app.fetch(new Request(`http://org.example${path}`, { headers }));
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(status);
  });
});
