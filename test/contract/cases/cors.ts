/**
 * CORS answers, sent with an explicit Origin header as a browser would, and
 * without credentials (so nothing about any user is read): preflight and
 * actual, from an origin the run made trusted and from one it never created.
 */
import type { CaseContext, ContractCase } from '../support/runner.js';

const TO = '/api/v1/trustedOrigins';
const REQUESTED_HEADERS = 'content-type, x-okta-user-agent-extended';

/** Creates an origin with the CORS scope (and more); returns its URL and id. */
async function trusted(ctx: CaseContext, label: string, scopes = [{ type: 'CORS' }]): Promise<{ origin: string; id: string }> {
  const origin = ctx.origin(label);
  const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name(label), origin, scopes } });
  return { origin, id: body.id };
}

function preflight(ctx: CaseContext, step: string, path: string, origin: string, method: string) {
  return ctx.call(step, path, {
    method: 'OPTIONS',
    auth: false,
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': REQUESTED_HEADERS },
  });
}

/** The actual requests a page on `origin` would send without a session. */
async function actualRequests(ctx: CaseContext, origin: string): Promise<void> {
  await ctx.call('GET /api/v1/users/me without a session', '/api/v1/users/me', { auth: false, headers: { Origin: origin } });
  await ctx.call('GET /api/v1/sessions/me without a session', '/api/v1/sessions/me', { auth: false, headers: { Origin: origin } });
  await ctx.call('POST /api/v1/authn with an unknown user', '/api/v1/authn', {
    method: 'POST',
    auth: false,
    headers: { Origin: origin },
    json: { username: `${ctx.prefix}@example.com`, password: 'not-the-password' },
  });
}

export const CORS_CASES: ContractCase[] = [
  {
    id: 'cors-preflight-trusted',
    title: 'a preflight from an ACTIVE CORS trusted origin answers 200, empty, echoing the origin with the endpoint\'s methods',
    operations: ['preflightCurrentUser', 'preflightAuthn', 'preflightCurrentSession', 'preflightRefreshCurrentSession'],
    evidence: [
      '[W] 200, empty body, ACAO = Origin, Allow-Methods = the endpoint\'s methods + OPTIONS, Allow-Headers = requested + ",Content-Type", credentials true, max-age 3600 (TAPES 26985e7f, 7cd6d692)',
      '[R] /api/v1/users/me is CORS-enabled (SPEC isCorsEnabled); [I] changes apply to the very next request',
    ],
    async run(ctx) {
      const { origin } = await trusted(ctx, 'app');
      await preflight(ctx, 'users/me, GET', '/api/v1/users/me', origin, 'GET');
      await preflight(ctx, 'authn, POST', '/api/v1/authn', origin, 'POST');
      await preflight(ctx, 'sessions/me, DELETE', '/api/v1/sessions/me', origin, 'DELETE');
      await preflight(ctx, 'sessions/me refresh, POST', '/api/v1/sessions/me/lifecycle/refresh', origin, 'POST');
    },
  },
  {
    id: 'cors-preflight-untrusted',
    title: 'a preflight from an origin the org does not trust answers without any Access-Control header',
    operations: ['preflightCurrentUser', 'preflightAuthn'],
    evidence: ['[W-ish] no ACAO for an untrusted origin (user reports, okta-facts §6.4)', '[I] the status 200 (okta-facts open question 5)'],
    async run(ctx) {
      const stranger = ctx.origin('stranger');
      await preflight(ctx, 'users/me, GET', '/api/v1/users/me', stranger, 'GET');
      await preflight(ctx, 'authn, POST', '/api/v1/authn', stranger, 'POST');
    },
  },
  {
    id: 'cors-actual-trusted',
    title: 'actual answers to an ACTIVE CORS trusted origin carry ACAO, credentials, Allow-Headers and Expose-Headers, errors included',
    operations: ['getCurrentUser', 'getCurrentSession', 'authenticate'],
    evidence: [
      '[W] ACAO, Allow-Credentials true, Allow-Headers Content-Type on actual answers (TAPES c3ea7689, 06d2c537)',
      '[R] Expose-Headers exists since 2021.05 (DOCS-RN); [I] its exact string',
      '[I] CORS headers on the 403/404/401 errors (okta-facts open question 5: docs PR #830 says no for the 403)',
      '[R] 401 E0000004 "Authentication failed" (DOCS-AUTHN); 404 "Not found: Resource not found: me (Session)" (docs PR, W-ish)',
    ],
    async run(ctx) {
      const { origin } = await trusted(ctx, 'app');
      await actualRequests(ctx, origin);
    },
  },
  {
    id: 'cors-actual-untrusted',
    title: 'actual answers to an untrusted origin carry no Access-Control header',
    operations: ['getCurrentUser', 'getCurrentSession', 'authenticate'],
    evidence: ['[W-ish] no ACAO for an untrusted origin (okta-facts §6.4)'],
    async run(ctx) {
      await actualRequests(ctx, ctx.origin('stranger'));
    },
  },
  {
    id: 'cors-not-trusted-for-cors',
    title: 'an origin trusted only for REDIRECT, or deactivated, gets no Access-Control headers on a preflight',
    operations: ['preflightCurrentUser', 'deactivateTrustedOrigin'],
    evidence: ['[R] only origins with the CORS scope may call CORS endpoints (DOCS-CORS)', '[I] an INACTIVE origin is not trusted'],
    async run(ctx) {
      const redirectOnly = await trusted(ctx, 'redirect', [{ type: 'REDIRECT' }]);
      await preflight(ctx, 'REDIRECT-only origin', '/api/v1/users/me', redirectOnly.origin, 'GET');
      const inactive = await trusted(ctx, 'inactive');
      await ctx.prepare(`${TO}/${inactive.id}/lifecycle/deactivate`, { method: 'POST' });
      await preflight(ctx, 'deactivated CORS origin', '/api/v1/users/me', inactive.origin, 'GET');
    },
  },
  {
    id: 'cors-ssws-and-management-api',
    title: 'the Trusted Origins API sends no CORS headers, even to a trusted origin with an SSWS token',
    operations: ['getTrustedOrigin'],
    evidence: ['[R] the Trusted Origins endpoints are not CORS-enabled (SPEC); [R] no CORS for SSWS tokens (support article, I:high)'],
    async run(ctx) {
      const { origin, id } = await trusted(ctx, 'app');
      await ctx.call('GET one origin with SSWS from a trusted origin', `${TO}/${id}`, { headers: { Origin: origin } });
    },
  },
];
