/** The headers of the org's HTML pages: who may frame them (IFRAME_EMBED trusted origins) and nosniff. */
import { describe, expect, it } from 'vitest';
import { createTestOrg, type TestOrg } from '../support/org.js';
import { sessionToken, signIn } from '../support/session-flow.js';
import { named } from '../unit/table.js';

const SELF_ONLY = "frame-ancestors 'self'";

async function create(org: TestOrg, origin: string, scopes: unknown[]): Promise<{ id: string }> {
  const res = await org.request('/api/v1/trustedOrigins', { method: 'POST', json: { name: `framing ${origin}`, origin, scopes } });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string };
}

const signInPage = (org: TestOrg) => org.request('/login/login.htm', { auth: false });
const signedInPage = async (org: TestOrg) => org.request('/login/login.htm', { auth: false, headers: { Cookie: await signIn(org) } });

function framing(res: Response) {
  return {
    csp: res.headers.get('Content-Security-Policy'),
    xfo: res.headers.get('X-Frame-Options'),
    nosniff: res.headers.get('X-Content-Type-Options'),
    type: res.headers.get('Content-Type'),
  };
}

describe('every HTML page the org serves', () => {
  const pages: Array<{ name: string; input: (org: TestOrg) => Promise<Response> }> = [
    { name: 'the sign-in page denies framing by other sites and sends nosniff', input: signInPage },
    { name: 'the signed-in page denies framing by other sites and sends nosniff', input: signedInPage },
    {
      name: 'the failed sign-in page (401) denies framing by other sites and sends nosniff',
      input: (org) => org.request('/login/login.htm', { method: 'POST', auth: false, body: new URLSearchParams({ username: 'admin@example.com', password: 'wrong' }) }),
    },
    {
      name: 'the redirect-refused page (403) denies framing by other sites and sends nosniff',
      input: async (org) =>
        org.request(`/login/sessionCookieRedirect?${new URLSearchParams({ token: await sessionToken(org), redirectUrl: 'https://untrusted.example.com/' })}`, { auth: false }),
    },
  ];
  it.each(named(pages))('%s', async (_name, { input }) => {
    const org = await createTestOrg();
    const res = await input(org);
    expect(framing(res)).toEqual({ csp: SELF_ONLY, xfo: 'SAMEORIGIN', nosniff: 'nosniff', type: 'text/html; charset=UTF-8' });
  });
});

describe('IFRAME_EMBED trusted origins in frame-ancestors', () => {
  it('lists a new IFRAME_EMBED origin on the very next sign-in page, drops it once deactivated, and lists it again once activated', async () => {
    const org = await createTestOrg();
    const { id } = await create(org, 'https://portal.example.com', [{ type: 'IFRAME_EMBED', allowedOktaApps: [] }]);
    expect(framing(await signInPage(org)).csp).toBe("frame-ancestors 'self' https://portal.example.com");

    await org.request(`/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, { method: 'POST' });
    expect(framing(await signInPage(org)).csp).toBe(SELF_ONLY);

    await org.request(`/api/v1/trustedOrigins/${id}/lifecycle/activate`, { method: 'POST' });
    expect(framing(await signInPage(org)).csp).toBe("frame-ancestors 'self' https://portal.example.com");

    await org.request(`/api/v1/trustedOrigins/${id}`, { method: 'DELETE' });
    expect(framing(await signInPage(org)).csp).toBe(SELF_ONLY);
  });

  it('lets only OKTA_ENDUSER origins frame the signed-in page (the End-User Dashboard stand-in), and all IFRAME_EMBED origins frame the sign-in page', async () => {
    const org = await createTestOrg();
    await create(org, 'https://signin-only.example.com', [{ type: 'IFRAME_EMBED' }]);
    await create(org, 'https://*.dashboard.example.com', [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }]);
    await create(org, 'https://cors.example.com', [{ type: 'CORS' }]);
    expect(framing(await signInPage(org)).csp).toBe("frame-ancestors 'self' https://signin-only.example.com https://*.dashboard.example.com");
    expect(framing(await signedInPage(org)).csp).toBe("frame-ancestors 'self' https://*.dashboard.example.com");
  });

  it('keeps framing headers off the JSON API answers', async () => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/trustedOrigins');
    expect(res.headers.get('Content-Security-Policy')).toBeNull();
  });
});
