/** `GET /.well-known/okta-organization`: public, CORS-enabled org metadata. */
import type { ContractCase } from '../support/runner.js';

export const WELL_KNOWN_CASES: ContractCase[] = [
  {
    id: 'well-known-okta-organization',
    title: 'the org metadata is public and answers CORS like the other CORS-enabled endpoints',
    operations: ['getWellknownOrgMetadata', 'preflightWellknownOrgMetadata'],
    evidence: [
      '[R] GET /.well-known/okta-organization is isCorsEnabled and needs no authentication (SPEC; okta-facts §6.1)',
      '[R] body id, pipeline, settings, _links.organization (SPEC WellKnownOrgMetadata); [I] the settings values and the Classic pipeline',
      '[I] CORS decided as on the other CORS endpoints: ACAO only for an ACTIVE CORS trusted origin',
    ],
    async run(ctx) {
      const origin = ctx.origin('app');
      await ctx.prepare('/api/v1/trustedOrigins', { method: 'POST', json: { name: ctx.name('app'), origin, scopes: [{ type: 'CORS' }] } });
      await ctx.call('GET without a token', '/.well-known/okta-organization', { auth: false });
      await ctx.call('GET from a trusted origin', '/.well-known/okta-organization', { auth: false, headers: { Origin: origin } });
      await ctx.call('GET from an untrusted origin', '/.well-known/okta-organization', { auth: false, headers: { Origin: ctx.origin('never-created') } });
      await ctx.call('preflight from a trusted origin', '/.well-known/okta-organization', {
        method: 'OPTIONS',
        auth: false,
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-okta-user-agent-extended' },
      });
    },
  },
];
