import { describe, expect, it } from 'vitest';
import { frameSource, pageFramingHeaders, type OrgPage } from '../../src/domain/frame-ancestors.js';
import type { TrustedOriginRecord } from '../../src/domain/trusted-origin.js';
import { named } from './table.js';

type Trusted = Pick<TrustedOriginRecord, 'origin' | 'scopes' | 'status'>;
const iframe = (origin: string, allowedOktaApps?: Array<'OKTA_ENDUSER'>, status: Trusted['status'] = 'ACTIVE'): Trusted => ({
  origin,
  status,
  scopes: [allowedOktaApps === undefined ? { type: 'IFRAME_EMBED' } : { type: 'IFRAME_EMBED', allowedOktaApps }],
});
const other = (origin: string, type: 'CORS' | 'REDIRECT'): Trusted => ({ origin, status: 'ACTIVE', scopes: [{ type }] });

describe('pageFramingHeaders decides which sites may frame a page', () => {
  const cases: Array<{ name: string; input: { page: OrgPage; trusted: Trusted[] }; expected: string }> = [
    { name: "allows only the org itself ('self') when the org has no trusted origins", input: { page: 'sign-in', trusted: [] }, expected: "frame-ancestors 'self'" },
    {
      name: 'ignores origins trusted only for CORS or REDIRECT',
      input: { page: 'sign-in', trusted: [other('https://cors.example.com', 'CORS'), other('https://redirect.example.com', 'REDIRECT')] },
      expected: "frame-ancestors 'self'",
    },
    {
      name: 'lists an ACTIVE IFRAME_EMBED origin after self on the sign-in page',
      input: { page: 'sign-in', trusted: [iframe('https://app.example.com')] },
      expected: "frame-ancestors 'self' https://app.example.com",
    },
    {
      name: 'lists an IFRAME_EMBED origin with an empty allowedOktaApps on the sign-in page',
      input: { page: 'sign-in', trusted: [iframe('https://app.example.com', [])] },
      expected: "frame-ancestors 'self' https://app.example.com",
    },
    {
      name: 'lets no other site frame the Admin Console, not even one trusted for the dashboard',
      input: { page: 'admin-console', trusted: [iframe('https://app.example.com', ['OKTA_ENDUSER'])] },
      expected: "frame-ancestors 'self'",
    },
    {
      name: 'leaves out an INACTIVE IFRAME_EMBED origin',
      input: { page: 'sign-in', trusted: [iframe('https://app.example.com', undefined, 'INACTIVE')] },
      expected: "frame-ancestors 'self'",
    },
    {
      name: 'lists several origins in the order the org holds them',
      input: { page: 'sign-in', trusted: [iframe('https://b.example.com'), iframe('http://localhost:3000')] },
      expected: "frame-ancestors 'self' https://b.example.com http://localhost:3000",
    },
    {
      name: 'keeps a wildcard origin as a CSP wildcard host',
      input: { page: 'sign-in', trusted: [iframe('https://*.example.com')] },
      expected: "frame-ancestors 'self' https://*.example.com",
    },
    {
      name: 'drops the trailing slash and the default port and lower-cases scheme and host',
      input: { page: 'sign-in', trusted: [iframe('HTTPS://App.Example.com:443/')] },
      expected: "frame-ancestors 'self' https://app.example.com",
    },
    {
      name: 'keeps a port that is not the default',
      input: { page: 'sign-in', trusted: [iframe('http://127.0.0.1:8080/')] },
      expected: "frame-ancestors 'self' http://127.0.0.1:8080",
    },
    {
      name: 'lists an origin once when two records name it',
      input: { page: 'sign-in', trusted: [iframe('https://app.example.com'), iframe('https://app.example.com/')] },
      expected: "frame-ancestors 'self' https://app.example.com",
    },
    {
      name: 'does not let an origin without OKTA_ENDUSER frame the End-User Dashboard',
      input: { page: 'end-user-dashboard', trusted: [iframe('https://app.example.com'), iframe('https://empty.example.com', [])] },
      expected: "frame-ancestors 'self'",
    },
    {
      name: 'lets an origin with OKTA_ENDUSER frame the End-User Dashboard',
      input: { page: 'end-user-dashboard', trusted: [iframe('https://portal.example.com', ['OKTA_ENDUSER']), iframe('https://app.example.com')] },
      expected: "frame-ancestors 'self' https://portal.example.com",
    },
    {
      name: 'lets an origin with OKTA_ENDUSER frame the sign-in page as well',
      input: { page: 'sign-in', trusted: [iframe('https://portal.example.com', ['OKTA_ENDUSER'])] },
      expected: "frame-ancestors 'self' https://portal.example.com",
    },
    {
      name: 'reads IFRAME_EMBED among other scopes of the same origin',
      input: { page: 'sign-in', trusted: [{ origin: 'https://app.example.com', status: 'ACTIVE', scopes: [{ type: 'CORS' }, { type: 'IFRAME_EMBED' }] }] },
      expected: "frame-ancestors 'self' https://app.example.com",
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(pageFramingHeaders(input.page, input.trusted)).toEqual({ 'Content-Security-Policy': expected, 'X-Frame-Options': 'SAMEORIGIN' });
  });
});

describe('frameSource writes a trusted origin as a CSP source', () => {
  const cases = [
    { name: 'keeps a capacitor origin', input: 'capacitor://localhost', expected: 'capacitor://localhost' },
    { name: 'keeps an IPv6 host with its port', input: 'http://[::1]:3000', expected: 'http://[::1]:3000' },
    { name: 'drops the default FTP port', input: 'ftp://files.example.com:21', expected: 'ftp://files.example.com' },
    { name: 'gives nothing for a value that is not an origin', input: 'https://example.com/path', expected: undefined },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(frameSource(input)).toBe(expected);
  });
});
