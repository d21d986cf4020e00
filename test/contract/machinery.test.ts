/** The contract suite's own machinery: coverage, the safety guard, normalisation and the schema check. */
import { describe, expect, it } from 'vitest';
import { CASES, NOT_COVERED } from './cases/index.js';
import { Normaliser } from './support/normalise.js';
import { checkRequest, isSuiteRecord, MISSING_ID, SafetyError, type GuardState } from './support/safety.js';
import { checkAgainstContract, operationIds } from './support/schema.js';
import { readSnapshot } from './support/snapshots.js';
import { realOrgSkipReason } from './support/transports.js';

describe('coverage', () => {
  const covered = new Set(CASES.flatMap((c) => c.operations));
  const all = ['TrustedOrigin', 'Authn', 'Session', 'User', 'SignIn', 'OrgSetting'].flatMap(operationIds);

  it('calls every Trusted Origins operation of the contract', () => {
    expect(operationIds('TrustedOrigin').filter((id) => !covered.has(id))).toEqual([]);
  });

  it('calls every other operation or gives the reason it does not', () => {
    expect(all.filter((id) => !covered.has(id) && !(id in NOT_COVERED))).toEqual([]);
    expect(Object.keys(NOT_COVERED).filter((id) => covered.has(id) || !all.includes(id))).toEqual([]);
  });

  it('has a snapshot for every case, saying where it came from and on what evidence', () => {
    for (const kase of CASES) {
      const snapshot = readSnapshot(kase.id);
      expect(snapshot, kase.id).toBeDefined();
      expect(['real-org', 'documentation', 'emulator-derived, unverified']).toContain(snapshot!.source);
      expect(snapshot!.evidence.every((e) => /^\[(W|R|I|E|W-ish)\]/.test(e)), kase.id).toBe(true);
    }
  });
});

describe('the safety guard', () => {
  const state: GuardState = { orgUrl: 'https://dev-1.okta.com', runPrefix: 'okta-mock-contract-0123abcd', owned: new Set(['tosOwnedByThisRun01']) };
  const check = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => () =>
    checkRequest(state, method, new URL(state.orgUrl + path), body === undefined ? undefined : JSON.stringify(body), new Headers(headers));
  const prefixed = { name: `${state.runPrefix} x`, origin: `https://${state.runPrefix}-x.example.com`, scopes: [{ type: 'CORS' }] };

  const refused: Array<[string, () => void]> = [
    ['a list that is not narrowed to the run', check('GET', '/api/v1/trustedOrigins')],
    ['a list narrowed to another prefix', check('GET', '/api/v1/trustedOrigins?q=Example')],
    ['a filter that could match other records', check('GET', `/api/v1/trustedOrigins?filter=${encodeURIComponent('status eq "ACTIVE"')}`)],
    ['an or that escapes the name pin', check('GET', `/api/v1/trustedOrigins?filter=${encodeURIComponent(`name sw "${state.runPrefix}" and (a eq "b") or (id eq "x")`)}`)],
    ['a create without the prefix', check('POST', '/api/v1/trustedOrigins', { ...prefixed, origin: 'https://example.com' })],
    ['reading a record of someone else', check('GET', '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3')],
    ['deleting a record of someone else', check('DELETE', '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3')],
    ['deactivating a record of someone else', check('POST', '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3/lifecycle/deactivate')],
    ['reading the token owner', check('GET', '/api/v1/users/me', undefined, { Authorization: 'SSWS x' })],
    ['signing a real user in', check('POST', '/api/v1/authn', { username: 'admin@example.com', password: 'x' })],
    ['another host', () => checkRequest(state, 'GET', new URL('https://evil.example.com/api/v1/trustedOrigins?q=okta-mock-contract-0123abcd'), undefined, new Headers())],
  ];
  it.each(refused)('refuses %s', (_name, attempt) => expect(attempt).toThrow(SafetyError));

  const allowed: Array<[string, () => void]> = [
    ['a create with the prefix', check('POST', '/api/v1/trustedOrigins', prefixed)],
    ['a list narrowed by q', check('GET', `/api/v1/trustedOrigins?q=${state.runPrefix}-case`)],
    ['a filter on our ids', check('GET', `/api/v1/trustedOrigins?filter=${encodeURIComponent(`(id eq "tosOwnedByThisRun01" or id eq "${MISSING_ID}")`)}`)],
    ['changing our own record', check('PUT', '/api/v1/trustedOrigins/tosOwnedByThisRun01', prefixed)],
    ['a preflight', check('OPTIONS', '/api/v1/users/me')],
  ];
  it.each(allowed)('allows %s', (_name, attempt) => expect(attempt).not.toThrow());

  it('sweeps only records whose name and origin both carry the suite prefix', () => {
    expect(isSuiteRecord({ name: 'okta-mock-contract-1 a', origin: 'https://okta-mock-contract-1-a.example.com' })).toBe(true);
    expect(isSuiteRecord({ name: 'okta-mock-contract-1 a', origin: 'https://example.com' })).toBe(false);
    expect(isSuiteRecord({ name: 'Example', origin: 'https://okta-mock-contract-1.example.com' })).toBe(false);
  });

  it('keeps the real org off without the explicit opt-in, and never echoes the token', () => {
    const env = { OKTA_ORG_URL: 'https://dev-1.okta.com', OKTA_API_TOKEN: '00secret-token-value' };
    expect(realOrgSkipReason({})).toMatch(/OKTA_ORG_URL and OKTA_API_TOKEN not set/);
    expect(realOrgSkipReason(env)).toMatch(/OKTA_CONTRACT_ALLOW_REAL_ORG/);
    expect(realOrgSkipReason(env)).not.toContain('00secret');
    expect(realOrgSkipReason({ ...env, OKTA_CONTRACT_ALLOW_REAL_ORG: 'yes' })).toBeUndefined();
  });
});

describe('normalisation', () => {
  it('numbers ids by value and timestamps by occurrence, and masks host and prefix', () => {
    const n = new Normaliser('https://dev-1.okta.com', 'okta-mock-contract-0123abcd');
    const body = {
      id: 'tos0123456789abcdefg',
      other: 'tosZZZZZZZZZZZZZZZZZ',
      created: '2025-03-13T23:43:59.000Z',
      lastUpdated: '2025-03-13T23:43:59.000Z',
      withMs: '2025-03-13T23:43:59.123Z',
      href: 'https://dev-1.okta.com/api/v1/trustedOrigins/tos0123456789abcdefg',
      name: 'okta-mock-contract-0123abcd-create a',
      errorId: 'oae_A2-4_P9RtWIEh-N4O0qfg',
    };
    expect(n.json(body)).toEqual({
      id: '<tos:1>',
      other: '<tos:2>',
      created: '<time:1>',
      lastUpdated: '<time:2>',
      withMs: '2025-03-13T23:43:59.123Z',
      href: '<host>/api/v1/trustedOrigins/<tos:1>',
      name: '<prefix>-create a',
      errorId: '<errorId:1>',
    });
  });
});

describe('the schema check', () => {
  const answer = (status: number, body: unknown, path = '/api/v1/trustedOrigins/tosue7JvguwJ7U6kz0g3') => ({
    method: 'GET',
    path,
    status,
    headers: new Headers({ 'content-type': 'application/json', 'x-okta-request-id': 'not-hex' }),
    text: JSON.stringify(body),
  });

  it('names the path and the field of a mismatch', () => {
    const errors = checkAgainstContract(answer(404, { errorCode: 'E0000007', errorSummary: 'x', errorLink: 'E0000007', errorId: 'bad', errorCauses: [{}] }));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/header X-Okta-Request-Id: must match pattern/),
        expect.stringMatching(/body\/errorId: must match pattern/),
        expect.stringMatching(/body\/errorCauses\/0\/errorSummary: must have required property/),
      ]),
    );
  });

  it('rejects a status the operation does not declare', () => {
    expect(checkAgainstContract(answer(201, {}))).toEqual([expect.stringMatching(/status 201 is not declared for getTrustedOrigin/)]);
  });
});
