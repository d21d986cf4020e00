import { describe, expect, it } from 'vitest';
import { explainCors } from '../../src/domain/cors.js';
import { decideRedirect } from '../../src/domain/redirect-decision.js';
import { decideTrust, type TrustedCandidate } from '../../src/domain/trust-decision.js';
import type { ScopeType } from '../../src/domain/trusted-origin.js';
import { named } from './table.js';
import { listLookup, trusted } from './lookup.js';

const LOCAL = trusted('http://localhost:3000', ['CORS', 'REDIRECT'], 'ACTIVE', 'tosLOCALxxxxxxxxxxx');
const EXAMPLE = trusted('https://example.com', ['CORS', 'REDIRECT'], 'ACTIVE', 'tosEXAMPLExxxxxxxxx');
const WWW = trusted('https://www.example.org', ['CORS'], 'ACTIVE', 'tosWWWxxxxxxxxxxxxx');
const SLASHED = trusted('http://localhost:8080/', ['CORS'], 'ACTIVE', 'tosSLASHEDxxxxxxxxx');
const INACTIVE = trusted('http://localhost:4000', ['CORS'], 'INACTIVE', 'tosINACTIVExxxxxxxx');
const REDIRECT_ONLY = trusted('http://localhost:5000', ['REDIRECT'], 'ACTIVE', 'tosREDIRECTONLYxxxx');
const CORS_ONLY = trusted('http://localhost:6000', ['CORS'], 'ACTIVE', 'tosCORSONLYxxxxxxxx');
const INACTIVE_IFRAME = trusted('http://localhost:7000', ['IFRAME_EMBED'], 'INACTIVE', 'tosIFRAMExxxxxxxxxx');
const INACTIVE_ALIAS = trusted('http://localhost:9000', ['CORS'], 'INACTIVE', 'tosALIASINACTIVExxx');

interface Row {
  name: string;
  input: { origin: string; scope?: ScopeType; records: TrustedCandidate[] };
  expected: { allowed: boolean; trustedOriginId: string | null; hint: string | null };
}

/**
 * Every kind of near miss, refused and trusted. Matching forgives letter case
 * of scheme and host, a default port and a trailing slash, so those rows are
 * trusted ones: they are never a near miss. A path is one (an origin has none).
 */
const cases: Row[] = [
  // Trusted: what matching forgives.
  { name: 'trusts the exact origin, with no hint', input: { origin: 'http://localhost:3000', records: [LOCAL] }, expected: { allowed: true, trustedOriginId: LOCAL.id, hint: null } },
  { name: 'trusts an origin that differs only in letter case', input: { origin: 'HTTP://LocalHost:3000', records: [LOCAL] }, expected: { allowed: true, trustedOriginId: LOCAL.id, hint: null } },
  { name: 'trusts an origin sent with a trailing slash', input: { origin: 'http://localhost:3000/', records: [LOCAL] }, expected: { allowed: true, trustedOriginId: LOCAL.id, hint: null } },
  { name: 'trusts an origin whose record is stored with a trailing slash', input: { origin: 'http://localhost:8080', records: [SLASHED] }, expected: { allowed: true, trustedOriginId: SLASHED.id, hint: null } },
  { name: 'trusts an origin that names the default port', input: { origin: 'https://example.com:443', records: [EXAMPLE] }, expected: { allowed: true, trustedOriginId: EXAMPLE.id, hint: null } },
  // Host aliases.
  {
    name: 'names localhost for a refused 127.0.0.1: browsers treat them as different origins',
    input: { origin: 'http://127.0.0.1:3000', records: [EXAMPLE, LOCAL] },
    expected: { allowed: false, trustedOriginId: LOCAL.id, hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): browsers treat localhost and 127.0.0.1 as different origins' },
  },
  {
    name: 'names localhost for a refused [::1]',
    input: { origin: 'http://[::1]:3000', records: [LOCAL] },
    expected: { allowed: false, trustedOriginId: LOCAL.id, hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): browsers treat localhost and [::1] as different origins' },
  },
  {
    name: 'names 127.0.0.1 for a refused localhost',
    input: { origin: 'http://localhost:3000', records: [trusted('http://127.0.0.1:3000', ['CORS'], 'ACTIVE', 'tosLOOPBACKxxxxxxxx')] },
    expected: { allowed: false, trustedOriginId: 'tosLOOPBACKxxxxxxxx', hint: 'http://127.0.0.1:3000 is (tosLOOPBACKxxxxxxxx): browsers treat 127.0.0.1 and localhost as different origins' },
  },
  // Scheme.
  {
    name: 'names the http origin for a refused https one on the same port',
    input: { origin: 'https://localhost:3000', records: [LOCAL] },
    expected: { allowed: false, trustedOriginId: LOCAL.id, hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): the scheme differs (https here, http there)' },
  },
  {
    name: 'names the https origin for a refused http one, both on their default ports',
    input: { origin: 'http://example.com', records: [EXAMPLE] },
    expected: { allowed: false, trustedOriginId: EXAMPLE.id, hint: 'https://example.com is (tosEXAMPLExxxxxxxxx): the scheme differs (http here, https there)' },
  },
  // Port.
  {
    name: 'names the origin on another port',
    input: { origin: 'http://localhost:3001', records: [LOCAL] },
    expected: { allowed: false, trustedOriginId: LOCAL.id, hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): the port differs (3001 here, 3000 there)' },
  },
  {
    name: 'names the origin with a port for a refused one on the default port',
    input: { origin: 'http://localhost', records: [LOCAL] },
    expected: { allowed: false, trustedOriginId: LOCAL.id, hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): the port differs (80 (the default) here, 3000 there)' },
  },
  // www.
  {
    name: 'names the www. origin for a refused bare host',
    input: { origin: 'https://example.org', records: [WWW] },
    expected: { allowed: false, trustedOriginId: WWW.id, hint: 'https://www.example.org is (tosWWWxxxxxxxxxxxxx): www.example.org and example.org are different hosts to a browser (www. counts)' },
  },
  {
    name: 'names the bare origin for a refused www. host',
    input: { origin: 'https://www.example.com', records: [EXAMPLE] },
    expected: { allowed: false, trustedOriginId: EXAMPLE.id, hint: 'https://example.com is (tosEXAMPLExxxxxxxxx): example.com and www.example.com are different hosts to a browser (www. counts)' },
  },
  // A path where only an origin belongs.
  {
    name: 'names the trusted origin for an Origin sent with a path',
    input: { origin: 'http://localhost:3000/app/', records: [LOCAL] },
    expected: { allowed: false, trustedOriginId: LOCAL.id, hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): an origin is only scheme, host and port, without a path like /app/' },
  },
  {
    name: 'says what to send for an Origin with a path when nothing is trusted',
    input: { origin: 'http://localhost:3000/app', records: [] },
    expected: { allowed: false, trustedOriginId: null, hint: 'an origin is only scheme, host and port, without a path like /app; send http://localhost:3000' },
  },
  {
    name: 'explains the opaque origin null',
    input: { origin: 'null', records: [LOCAL] },
    expected: { allowed: false, trustedOriginId: null, hint: 'the page has an opaque origin ("null": a file: or data: URL, or a sandboxed iframe); serve it from an http(s) origin the org trusts' },
  },
  // Status and scopes.
  {
    name: 'says the matching origin is INACTIVE',
    input: { origin: 'http://localhost:4000', records: [INACTIVE] },
    expected: { allowed: false, trustedOriginId: INACTIVE.id, hint: 'http://localhost:4000 (tosINACTIVExxxxxxxx) is INACTIVE: activate it (POST /api/v1/trustedOrigins/tosINACTIVExxxxxxxx/lifecycle/activate)' },
  },
  {
    name: 'says the matching origin has REDIRECT, not CORS',
    input: { origin: 'http://localhost:5000', records: [REDIRECT_ONLY] },
    expected: { allowed: false, trustedOriginId: REDIRECT_ONLY.id, hint: 'http://localhost:5000 (tosREDIRECTONLYxxxx) has REDIRECT, not CORS: add {"type": "CORS"} to its scopes' },
  },
  {
    name: 'says the matching origin has CORS, not REDIRECT, for a redirect',
    input: { origin: 'http://localhost:6000', scope: 'REDIRECT', records: [CORS_ONLY] },
    expected: { allowed: false, trustedOriginId: CORS_ONLY.id, hint: 'http://localhost:6000 (tosCORSONLYxxxxxxxx) has CORS, not REDIRECT: add {"type": "REDIRECT"} to its scopes' },
  },
  {
    name: 'says both when the matching origin lacks the scope and is INACTIVE',
    input: { origin: 'http://localhost:7000', records: [INACTIVE_IFRAME] },
    expected: { allowed: false, trustedOriginId: INACTIVE_IFRAME.id, hint: 'http://localhost:7000 (tosIFRAMExxxxxxxxxx) has IFRAME_EMBED, not CORS: add {"type": "CORS"} to its scopes, and activate it' },
  },
  // No near miss.
  { name: 'gives no hint when two things differ', input: { origin: 'https://127.0.0.1:3000', records: [LOCAL] }, expected: { allowed: false, trustedOriginId: null, hint: null } },
  { name: 'gives no hint for an unrelated origin', input: { origin: 'http://evil.example', records: [LOCAL, EXAMPLE, WWW] }, expected: { allowed: false, trustedOriginId: null, hint: null } },
  { name: 'does not offer an INACTIVE record as a one-difference near miss', input: { origin: 'http://127.0.0.1:9000', records: [INACTIVE_ALIAS] }, expected: { allowed: false, trustedOriginId: null, hint: null } },
  { name: 'does not offer a record without the scope as a one-difference near miss', input: { origin: 'http://127.0.0.1:5000', records: [REDIRECT_ONLY] }, expected: { allowed: false, trustedOriginId: null, hint: null } },
  { name: 'gives no hint for an origin that is not a URL at all', input: { origin: 'not an origin', records: [LOCAL] }, expected: { allowed: false, trustedOriginId: null, hint: null } },
];

describe('decideTrust: the reason and near-miss hint of every refusal', () => {
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const scope = input.scope ?? 'CORS';
    const decision = decideTrust({ kind: 'cors', subject: input.origin, origin: input.origin, scope, trustedOrigins: listLookup(input.records) });
    expect(decision).toEqual({
      kind: 'cors',
      subject: input.origin,
      ...expected,
      reason: `${input.origin} is ${expected.allowed ? 'a' : 'not a'} trusted origin for ${scope}`,
    });
  });
});

describe('explainCors: API tokens', () => {
  const cases = [
    {
      name: 'says an SSWS request from a trusted origin never gets CORS headers, naming the origin',
      input: { origin: 'http://localhost:3000', records: [LOCAL] },
      expected: { allowed: false, trustedOriginId: LOCAL.id },
    },
    {
      name: 'says an SSWS request from an untrusted origin never gets CORS headers, naming none',
      input: { origin: 'http://127.0.0.1:3000', records: [LOCAL] },
      expected: { allowed: false, trustedOriginId: null },
    },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(explainCors(input.origin, true, listLookup(input.records))).toEqual({
      kind: 'cors',
      subject: input.origin,
      ...expected,
      reason: 'a request with an SSWS API token never gets CORS headers',
      hint: 'Okta never sends CORS headers to API-token requests: from a browser, send the session cookie and no Authorization header',
    });
  });
});

describe('decideRedirect', () => {
  const records = [LOCAL, CORS_ONLY];
  const cases = [
    {
      name: 'follows a target whose origin is trusted for REDIRECT, whatever its path and query',
      input: 'http://localhost:3000/app/callback?state=1',
      expected: { location: 'http://localhost:3000/app/callback?state=1', allowed: true, trustedOriginId: LOCAL.id, reason: 'http://localhost:3000 is a trusted origin for REDIRECT', hint: null },
    },
    {
      name: 'refuses a target on a host alias and names the trusted origin',
      input: 'http://127.0.0.1:3000/app',
      expected: {
        location: undefined,
        allowed: false,
        trustedOriginId: LOCAL.id,
        reason: 'http://127.0.0.1:3000 is not a trusted origin for REDIRECT',
        hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): browsers treat localhost and 127.0.0.1 as different origins',
      },
    },
    {
      name: 'refuses a target whose origin has CORS but not REDIRECT',
      input: 'http://localhost:6000/',
      expected: {
        location: undefined,
        allowed: false,
        trustedOriginId: CORS_ONLY.id,
        reason: 'http://localhost:6000 is not a trusted origin for REDIRECT',
        hint: 'http://localhost:6000 (tosCORSONLYxxxxxxxx) has CORS, not REDIRECT: add {"type": "REDIRECT"} to its scopes',
      },
    },
    {
      name: 'refuses a target with a control character, with a reason',
      input: 'http://localhost:3000/\nSet-Cookie: x',
      expected: { location: undefined, allowed: false, trustedOriginId: null, reason: 'http://localhost:3000/\nSet-Cookie: x is not a redirect target the org follows: it contains whitespace or a control character', hint: null },
    },
    {
      name: 'refuses a relative target, with a reason',
      input: '/app',
      expected: { location: undefined, allowed: false, trustedOriginId: null, reason: '/app is not a redirect target the org follows: it is not an absolute URL', hint: null },
    },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const { location, ...explanation } = expected;
    expect(decideRedirect(input, listLookup(records))).toEqual({ location, explanation: { kind: 'redirect', subject: input, ...explanation } });
  });
});
