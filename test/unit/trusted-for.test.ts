import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { canonicalOrigin, isTrustedFor, originOfUrl } from '../../src/domain/trusted-for.js';
import type { TrustedOriginRecord } from '../../src/domain/trusted-origin.js';

type Trusted = Pick<TrustedOriginRecord, 'origin' | 'scopes' | 'status'>;

describe('canonicalOrigin', () => {
  const cases = [
    { name: 'keeps an already canonical origin', input: 'http://example.com', expected: 'http://example.com' },
    { name: 'lower-cases the scheme and host', input: 'HTTPS://App.Example.COM', expected: 'https://app.example.com' },
    { name: 'drops the default http port 80', input: 'http://example.com:80', expected: 'http://example.com' },
    { name: 'drops the default https port 443', input: 'https://example.com:443', expected: 'https://example.com' },
    { name: 'drops the default ftp port 21', input: 'ftp://files.example.com:21', expected: 'ftp://files.example.com' },
    { name: 'keeps port 443 on http, where it is not the default', input: 'http://example.com:443', expected: 'http://example.com:443' },
    { name: 'keeps port 80 on https, where it is not the default', input: 'https://example.com:80', expected: 'https://example.com:80' },
    { name: 'keeps a non-default port', input: 'http://localhost:8080', expected: 'http://localhost:8080' },
    { name: 'has no canonical form for a port with leading zeros, which browsers never send', input: 'http://localhost:08080', expected: undefined },
    { name: 'drops a trailing slash', input: 'http://localhost:8080/', expected: 'http://localhost:8080' },
    { name: 'drops a trailing slash and a default port together', input: 'https://example.com:443/', expected: 'https://example.com' },
    { name: 'keeps a Capacitor origin', input: 'capacitor://localhost', expected: 'capacitor://localhost' },
    { name: 'keeps a bracketed IPv6 host', input: 'http://[::1]:3000', expected: 'http://[::1]:3000' },
    { name: 'has no canonical form for a wildcard origin', input: 'https://*.example.com', expected: undefined },
    { name: 'has no canonical form for an origin with a path', input: 'https://example.com/app', expected: undefined },
    { name: 'has no canonical form for an unsupported scheme', input: 'ws://example.com', expected: undefined },
    { name: 'has no canonical form for an empty string', input: '', expected: undefined },
    { name: 'has no canonical form for the opaque origin null', input: 'null', expected: undefined },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(canonicalOrigin(input)).toBe(expected);
  });
});

describe('originOfUrl', () => {
  const cases = [
    { name: 'takes the origin of a URL with a path, query and fragment', input: 'https://rf.example.com/app/cb?x=1#y', expected: 'https://rf.example.com' },
    { name: 'keeps a non-default port', input: 'http://localhost:8080/callback', expected: 'http://localhost:8080' },
    { name: 'drops a default port', input: 'https://rf.example.com:443/', expected: 'https://rf.example.com' },
    { name: 'lower-cases the host', input: 'HTTP://YATO.Example.com/Path', expected: 'http://yato.example.com' },
    { name: 'ignores userinfo', input: 'https://user:pass@rf.example.com/', expected: 'https://rf.example.com' },
    { name: 'has no origin for a relative URL', input: '/login/login.htm', expected: undefined },
    { name: 'has no origin for a scheme-relative URL', input: '//rf.example.com/', expected: undefined },
    { name: 'has no origin for a javascript: URL', input: 'javascript:alert(1)', expected: undefined },
    { name: 'has no origin for a data: URL', input: 'data:text/html,hi', expected: undefined },
    { name: 'has no origin for an empty string', input: '', expected: undefined },
    { name: 'has no origin for an unsupported scheme', input: 'ws://rf.example.com/socket', expected: undefined },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(originOfUrl(input)).toBe(expected);
  });
});

describe('isTrustedFor', () => {
  const active = (origin: string, ...types: Array<'CORS' | 'REDIRECT' | 'IFRAME_EMBED'>): Trusted => ({
    origin,
    scopes: types.map((type) => ({ type })),
    status: 'ACTIVE',
  });
  const inactive = (origin: string, ...types: Array<'CORS' | 'REDIRECT'>): Trusted => ({ ...active(origin, ...types), status: 'INACTIVE' });

  const cases = [
    { name: 'trusts an ACTIVE origin for CORS when it has the CORS scope', input: { origin: 'http://localhost:8080', scope: 'CORS', list: [active('http://localhost:8080', 'CORS')] }, expected: true },
    { name: 'trusts an ACTIVE origin for REDIRECT when it has the REDIRECT scope', input: { origin: 'http://localhost:8080', scope: 'REDIRECT', list: [active('http://localhost:8080', 'REDIRECT')] }, expected: true },
    { name: 'trusts an origin with both scopes for either', input: { origin: 'https://rf.example.com', scope: 'REDIRECT', list: [active('https://rf.example.com', 'CORS', 'REDIRECT')] }, expected: true },
    { name: 'does not trust an INACTIVE origin', input: { origin: 'http://localhost:8080', scope: 'CORS', list: [inactive('http://localhost:8080', 'CORS')] }, expected: false },
    { name: 'does not trust a REDIRECT-only origin for CORS', input: { origin: 'http://localhost:8080', scope: 'CORS', list: [active('http://localhost:8080', 'REDIRECT')] }, expected: false },
    { name: 'does not trust a CORS-only origin for REDIRECT', input: { origin: 'http://localhost:8080', scope: 'REDIRECT', list: [active('http://localhost:8080', 'CORS')] }, expected: false },
    { name: 'does not trust an IFRAME_EMBED-only origin for CORS', input: { origin: 'http://localhost:8080', scope: 'CORS', list: [active('http://localhost:8080', 'IFRAME_EMBED')] }, expected: false },
    { name: 'does not trust another origin', input: { origin: 'http://other.example.com', scope: 'CORS', list: [active('http://localhost:8080', 'CORS')] }, expected: false },
    { name: 'does not trust a subdomain of a trusted origin', input: { origin: 'http://app.example.com', scope: 'CORS', list: [active('http://example.com', 'CORS')] }, expected: false },
    { name: 'does not trust the same host on another port', input: { origin: 'http://localhost:3000', scope: 'CORS', list: [active('http://localhost:8080', 'CORS')] }, expected: false },
    { name: 'does not trust the same host without the port', input: { origin: 'http://localhost', scope: 'CORS', list: [active('http://localhost:8080', 'CORS')] }, expected: false },
    { name: 'does not trust the same host on another scheme', input: { origin: 'https://localhost:8080', scope: 'CORS', list: [active('http://localhost:8080', 'CORS')] }, expected: false },
    { name: 'trusts an explicit default port as the same origin', input: { origin: 'https://rf.example.com', scope: 'CORS', list: [active('https://rf.example.com:443', 'CORS')] }, expected: true },
    { name: 'trusts a stored trailing slash as the same origin', input: { origin: 'http://localhost:8080', scope: 'CORS', list: [active('http://localhost:8080/', 'CORS')] }, expected: true },
    { name: 'trusts a different host case as the same origin', input: { origin: 'http://LocalHost:8080', scope: 'CORS', list: [active('HTTP://localhost:8080', 'CORS')] }, expected: true },
    { name: 'never matches a wildcard origin', input: { origin: 'https://app.example.com', scope: 'CORS', list: [active('https://*.example.com', 'CORS')] }, expected: false },
    { name: 'does not trust an Origin that is not an origin', input: { origin: 'null', scope: 'CORS', list: [active('http://localhost:8080', 'CORS')] }, expected: false },
    { name: 'does not trust anything when the list is empty', input: { origin: 'http://localhost:8080', scope: 'CORS', list: [] as Trusted[] }, expected: false },
    {
      name: 'trusts when an ACTIVE record matches although an INACTIVE one for the same origin does not',
      input: { origin: 'http://localhost:8080', scope: 'CORS', list: [inactive('http://localhost:8080', 'CORS'), active('http://localhost:8080/', 'CORS')] },
      expected: true,
    },
  ] as const;

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(isTrustedFor(input.origin, input.scope, input.list)).toBe(expected);
  });
});
