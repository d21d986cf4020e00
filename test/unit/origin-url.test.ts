import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { isValidOrigin, parseOrigin } from '../../src/domain/origin-url.js';

describe('isValidOrigin', () => {
  const cases = [
    { name: 'accepts an http origin', input: 'http://example.com', expected: true },
    { name: 'accepts an https origin', input: 'https://rf.example.com', expected: true },
    { name: 'accepts an ftp origin', input: 'ftp://files.example.com', expected: true },
    { name: 'accepts an Ionic 2 origin', input: 'ionic://localhost', expected: true },
    { name: 'accepts a Capacitor origin', input: 'capacitor://localhost', expected: true },
    { name: 'accepts a single-label host such as localhost', input: 'http://localhost', expected: true },
    { name: 'accepts an explicit port', input: 'http://localhost:8080', expected: true },
    { name: 'accepts port 1', input: 'https://example.com:1', expected: true },
    { name: 'accepts port 65535', input: 'https://example.com:65535', expected: true },
    { name: 'accepts a trailing slash', input: 'https://example.com/', expected: true },
    { name: 'accepts a trailing slash after a port', input: 'https://example.com:8443/', expected: true },
    { name: 'accepts an IPv4 host', input: 'http://127.0.0.1:3000', expected: true },
    { name: 'accepts a bracketed IPv6 host', input: 'http://[::1]:3000', expected: true },
    { name: 'accepts hyphens inside a label', input: 'https://my-app.example-3481107385.com', expected: true },
    { name: 'rejects an origin without a scheme', input: 'example.com', expected: false },
    { name: 'rejects a scheme-relative origin', input: '//example.com', expected: false },
    { name: 'rejects an unsupported scheme', input: 'ws://example.com', expected: false },
    { name: 'rejects a file URL', input: 'file:///etc/passwd', expected: false },
    { name: 'rejects a path', input: 'https://example.com/app', expected: false },
    { name: 'rejects a path after a trailing slash', input: 'https://example.com//', expected: false },
    { name: 'rejects a query', input: 'https://example.com?x=1', expected: false },
    { name: 'rejects a query after a slash', input: 'https://example.com/?x=1', expected: false },
    { name: 'rejects a fragment', input: 'https://example.com#top', expected: false },
    { name: 'rejects userinfo', input: 'https://user:pass@example.com', expected: false },
    { name: 'rejects a bare user name', input: 'https://user@example.com', expected: false },
    { name: 'rejects port 0', input: 'https://example.com:0', expected: false },
    { name: 'rejects a port with leading zeros, which no browser sends in Origin', input: 'http://a.test:00080', expected: false },
    { name: 'rejects a single leading zero before a port', input: 'http://localhost:08080', expected: false },
    { name: 'rejects port 65536', input: 'https://example.com:65536', expected: false },
    { name: 'rejects an empty port', input: 'https://example.com:', expected: false },
    { name: 'rejects a non-numeric port', input: 'https://example.com:http', expected: false },
    { name: 'rejects a label starting with a hyphen', input: 'https://-example.com', expected: false },
    { name: 'rejects a label ending with a hyphen', input: 'https://example-.com', expected: false },
    { name: 'rejects an empty label', input: 'https://example..com', expected: false },
    { name: 'rejects a label longer than 63 characters', input: `https://${'a'.repeat(64)}.com`, expected: false },
    { name: 'rejects an underscore in the host', input: 'https://my_app.example.com', expected: false },
    { name: 'rejects surrounding whitespace', input: ' https://example.com ', expected: false },
    { name: 'rejects an empty string', input: '', expected: false },
    { name: 'rejects a scheme with no host', input: 'https://', expected: false },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(isValidOrigin(input, { allowWildcard: false })).toBe(expected);
    expect(isValidOrigin(input, { allowWildcard: true })).toBe(expected);
  });

  const wildcard = [
    { name: 'rejects a *. wildcard host when wildcards are not allowed', input: { origin: 'https://*.example.com', allowWildcard: false }, expected: false },
    { name: 'accepts a *. wildcard host when wildcards are allowed', input: { origin: 'https://*.example.com', allowWildcard: true }, expected: true },
    { name: 'accepts a *. wildcard host with a port when wildcards are allowed', input: { origin: 'https://*.example.com:8443', allowWildcard: true }, expected: true },
    { name: 'rejects a wildcard that is not a leading *. even when allowed', input: { origin: 'https://app.*.example.com', allowWildcard: true }, expected: false },
    { name: 'rejects a bare * host even when allowed', input: { origin: 'https://*', allowWildcard: true }, expected: false },
    { name: 'rejects a partial-label wildcard even when allowed', input: { origin: 'https://app*.example.com', allowWildcard: true }, expected: false },
    { name: 'rejects a double wildcard even when allowed', input: { origin: 'https://*.*.example.com', allowWildcard: true }, expected: false },
  ];

  it.each(named(wildcard))('%s', (_name, { input, expected }) => {
    expect(isValidOrigin(input.origin, { allowWildcard: input.allowWildcard })).toBe(expected);
  });
});

describe('parseOrigin', () => {
  const cases = [
    {
      name: 'splits an origin into lowercase scheme and host, port and wildcard flag',
      input: 'HTTPS://*.Example.COM:8443/',
      expected: { scheme: 'https', host: 'example.com', port: '8443', wildcard: true },
    },
    {
      name: 'leaves port undefined when the origin has none',
      input: 'capacitor://localhost',
      expected: { scheme: 'capacitor', host: 'localhost', port: undefined, wildcard: false },
    },
    { name: 'returns undefined for a value that is not an origin', input: 'https://example.com/path', expected: undefined },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(parseOrigin(input)).toEqual(expected);
  });
});
