import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { corsEndpoint, decideCors, EXPOSED_HEADERS, type CorsRequest } from '../../src/domain/cors.js';
import { listLookup, trusted } from './lookup.js';

const TRUSTED = 'http://localhost:8080';
const REQUESTED = 'content-type, x-okta-user-agent-extended, x-okta-xsrftoken';

/** A request from the trusted browser origin, with no API token. */
const request = (over: Partial<CorsRequest> = {}): CorsRequest => ({
  path: '/api/v1/authn',
  method: 'POST',
  origin: TRUSTED,
  requestHeaders: undefined,
  hasApiToken: false,
  trustedOrigins: listLookup([trusted(TRUSTED, ['CORS'], 'ACTIVE', 'tosTRUSTEDxxxxxxxxx1')]),
  ...over,
});

const preflightHeaders = (methods: string, allowHeaders: string) => ({
  'Access-Control-Allow-Origin': TRUSTED,
  'Access-Control-Allow-Methods': methods,
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Max-Age': '3600',
  'Access-Control-Allow-Headers': allowHeaders,
});

const ACTUAL_HEADERS = {
  'Access-Control-Allow-Origin': TRUSTED,
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS,
};

describe('corsEndpoint', () => {
  const cases = [
    { name: 'finds /api/v1/users/me with GET', input: '/api/v1/users/me', expected: ['GET'] },
    { name: 'finds /api/v1/sessions/me with GET and DELETE', input: '/api/v1/sessions/me', expected: ['GET', 'DELETE'] },
    { name: 'finds the session refresh with POST', input: '/api/v1/sessions/me/lifecycle/refresh', expected: ['POST'] },
    { name: 'finds /api/v1/authn with POST', input: '/api/v1/authn', expected: ['POST'] },
    { name: 'does not find the trusted-origins list', input: '/api/v1/trustedOrigins', expected: undefined },
    { name: 'does not find a trusted origin', input: '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', expected: undefined },
    { name: 'does not find a user by id', input: '/api/v1/users/00ut5t92p6IEOi4bu0g3', expected: undefined },
    { name: 'does not find a path with a trailing slash', input: '/api/v1/authn/', expected: undefined },
    { name: 'does not find a longer path that starts like a CORS one', input: '/api/v1/sessions/me/extra', expected: undefined },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(corsEndpoint(input)?.methods).toEqual(expected);
  });
});

describe('decideCors', () => {
  const cases = [
    // Preflights from a trusted origin: the recorded header set, per endpoint.
    {
      name: 'answers a trusted authn preflight with POST, OPTIONS and the requested headers plus ,Content-Type',
      input: request({ method: 'OPTIONS', requestHeaders: REQUESTED }),
      expected: { kind: 'preflight', headers: preflightHeaders('POST, OPTIONS', `${REQUESTED},Content-Type`) },
    },
    {
      name: 'answers a trusted sessions/me preflight with GET, DELETE, OPTIONS',
      input: request({ path: '/api/v1/sessions/me', method: 'OPTIONS', requestHeaders: 'content-type, x-okta-user-agent-extended' }),
      expected: {
        kind: 'preflight',
        headers: preflightHeaders('GET, DELETE, OPTIONS', 'content-type, x-okta-user-agent-extended,Content-Type'),
      },
    },
    {
      name: 'answers a trusted session refresh preflight with POST, OPTIONS',
      input: request({ path: '/api/v1/sessions/me/lifecycle/refresh', method: 'OPTIONS', requestHeaders: 'content-type' }),
      expected: { kind: 'preflight', headers: preflightHeaders('POST, OPTIONS', 'content-type,Content-Type') },
    },
    {
      name: 'answers a trusted users/me preflight with GET, OPTIONS',
      input: request({ path: '/api/v1/users/me', method: 'OPTIONS', requestHeaders: 'x-okta-user-agent-extended' }),
      expected: { kind: 'preflight', headers: preflightHeaders('GET, OPTIONS', 'x-okta-user-agent-extended,Content-Type') },
    },
    {
      name: 'echoes the requested headers verbatim, case and spacing included',
      input: request({ method: 'OPTIONS', requestHeaders: 'X-Okta-XsrfToken,Accept' }),
      expected: { kind: 'preflight', headers: preflightHeaders('POST, OPTIONS', 'X-Okta-XsrfToken,Accept,Content-Type') },
    },
    {
      name: 'allows only Content-Type when a trusted preflight requests no headers',
      input: request({ method: 'OPTIONS' }),
      expected: { kind: 'preflight', headers: preflightHeaders('POST, OPTIONS', 'Content-Type') },
    },
    // Preflights that get no allow headers at all.
    {
      name: 'answers an untrusted preflight with no headers',
      input: request({ method: 'OPTIONS', origin: 'http://evil.example', requestHeaders: REQUESTED }),
      expected: { kind: 'preflight', headers: {} },
    },
    {
      name: 'answers a preflight without Origin with no headers',
      input: request({ method: 'OPTIONS', origin: undefined, requestHeaders: REQUESTED }),
      expected: { kind: 'preflight', headers: {} },
    },
    {
      name: 'answers a preflight that carries an SSWS token with no headers',
      input: request({ method: 'OPTIONS', hasApiToken: true, requestHeaders: REQUESTED }),
      expected: { kind: 'preflight', headers: {} },
    },
    // Actual requests.
    {
      name: 'adds ACAO, credentials, allow and expose headers to an actual authn request from a trusted origin',
      input: request(),
      expected: { kind: 'actual', headers: ACTUAL_HEADERS },
    },
    {
      name: 'adds the actual headers to GET /api/v1/users/me from a trusted origin',
      input: request({ path: '/api/v1/users/me', method: 'GET' }),
      expected: { kind: 'actual', headers: ACTUAL_HEADERS },
    },
    {
      name: 'adds the actual headers to DELETE /api/v1/sessions/me from a trusted origin',
      input: request({ path: '/api/v1/sessions/me', method: 'DELETE' }),
      expected: { kind: 'actual', headers: ACTUAL_HEADERS },
    },
    {
      name: 'adds the actual headers to the session refresh from a trusted origin',
      input: request({ path: '/api/v1/sessions/me/lifecycle/refresh', method: 'POST' }),
      expected: { kind: 'actual', headers: ACTUAL_HEADERS },
    },
    {
      name: 'adds no headers to an actual request from an untrusted origin',
      input: request({ origin: 'http://evil.example' }),
      expected: { kind: 'actual', headers: {} },
    },
    {
      name: 'adds no headers to an actual request with an SSWS token, even from a trusted origin',
      input: request({ hasApiToken: true }),
      expected: { kind: 'actual', headers: {} },
    },
    {
      name: 'adds no headers to an actual request without Origin',
      input: request({ origin: undefined }),
      expected: { kind: 'actual', headers: {} },
    },
    // Endpoints that are not CORS-enabled.
    {
      name: 'leaves a trusted-origins request alone even from a trusted origin',
      input: request({ path: '/api/v1/trustedOrigins', method: 'GET' }),
      expected: { kind: 'none' },
    },
    {
      name: 'leaves a trusted-origins preflight alone even from a trusted origin',
      input: request({ path: '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3', method: 'OPTIONS', requestHeaders: REQUESTED }),
      expected: { kind: 'none' },
    },
    {
      name: 'leaves the sign-in page alone',
      input: request({ path: '/login/login.htm', method: 'GET' }),
      expected: { kind: 'none' },
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const decision = decideCors(input);
    const { kind } = decision;
    expect(kind === 'none' ? { kind } : { kind, headers: decision.headers }).toEqual(expected);
  });

  it('never answers ACAO with * and always echoes the exact Origin', () => {
    const origin = 'https://App.Example.com:8443';
    const decision = decideCors(request({ origin, trustedOrigins: listLookup([trusted('https://app.example.com:8443', ['CORS'])]) }));
    expect(decision.kind === 'actual' && decision.headers['Access-Control-Allow-Origin']).toBe(origin);
  });

  it('asks the store only about the request Origin when it is trusted, and nothing without Origin', () => {
    const asked: string[] = [];
    const lookup = listLookup([trusted(TRUSTED, ['CORS'])]);
    const trustedOrigins = {
      withSameOrigin: (origin: string) => (asked.push(`same ${origin}`), lookup.withSameOrigin(origin)),
      withHost: (host: string) => (asked.push(`host ${host}`), lookup.withHost(host)),
    };
    decideCors(request({ trustedOrigins }));
    decideCors(request({ trustedOrigins, origin: undefined }));
    expect(asked).toEqual([`same ${TRUSTED}`]);
  });

  const explained = [
    {
      name: 'explains a trusted preflight with the record that allowed it',
      input: request({ method: 'OPTIONS' }),
      expected: { kind: 'cors', subject: TRUSTED, allowed: true, trustedOriginId: 'tosTRUSTEDxxxxxxxxx1', reason: `${TRUSTED} is a trusted origin for CORS`, hint: null },
    },
    {
      name: 'explains an untrusted actual request with its near miss',
      input: request({ origin: 'http://localhost:3000' }),
      expected: {
        kind: 'cors',
        subject: 'http://localhost:3000',
        allowed: false,
        trustedOriginId: 'tosTRUSTEDxxxxxxxxx1',
        reason: 'http://localhost:3000 is not a trusted origin for CORS',
        hint: `${TRUSTED} is (tosTRUSTEDxxxxxxxxx1): the port differs (3000 here, 8080 there)`,
      },
    },
    {
      name: 'explains that an SSWS request from a trusted origin gets no CORS headers, naming the origin',
      input: request({ hasApiToken: true }),
      expected: {
        kind: 'cors',
        subject: TRUSTED,
        allowed: false,
        trustedOriginId: 'tosTRUSTEDxxxxxxxxx1',
        reason: 'a request with an SSWS API token never gets CORS headers',
        hint: 'Okta never sends CORS headers to API-token requests: from a browser, send the session cookie and no Authorization header',
      },
    },
    {
      name: 'explains a preflight without Origin',
      input: request({ method: 'OPTIONS', origin: undefined }),
      expected: { kind: 'cors', subject: '', allowed: false, trustedOriginId: null, reason: 'the request carries no Origin header', hint: null },
    },
  ];

  it.each(named(explained))('%s', (_name, { input, expected }) => {
    const decision = decideCors(input);
    expect(decision.kind !== 'none' && decision.explanation).toEqual(expected);
  });

  it('lists the exposed headers Okta documents since 2021.05.0', () => {
    expect(EXPOSED_HEADERS.split(', ')).toEqual([
      'Date',
      'Link',
      'X-Okta-Request-Id',
      'X-Rate-Limit-Limit',
      'X-Rate-Limit-Remaining',
      'X-Rate-Limit-Reset',
    ]);
  });
});
