import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { orgRelativeTarget, parseRedirectTarget } from '../../src/domain/redirect-target.js';

describe('parseRedirectTarget accepts', () => {
  const cases = [
    {
      name: 'a plain https URL, serialized as given',
      input: 'https://rf.example.com/app?x=1#top',
      expected: { location: 'https://rf.example.com/app?x=1#top', origin: 'https://rf.example.com' },
    },
    {
      name: 'an origin without a path, with the slash a serialized URL always has',
      input: 'https://rf.example.com',
      expected: { location: 'https://rf.example.com/', origin: 'https://rf.example.com' },
    },
    {
      name: 'upper-case scheme and host, lower-cased',
      input: 'HTTPS://RF.Example.COM/App',
      expected: { location: 'https://rf.example.com/App', origin: 'https://rf.example.com' },
    },
    {
      name: 'a default port, dropped',
      input: 'https://rf.example.com:443/app',
      expected: { location: 'https://rf.example.com/app', origin: 'https://rf.example.com' },
    },
    {
      name: 'a non-default port, kept in both',
      input: 'http://localhost:8080/cb',
      expected: { location: 'http://localhost:8080/cb', origin: 'http://localhost:8080' },
    },
    {
      name: 'an IDN host, in punycode',
      input: 'https://exämple.com/',
      expected: { location: 'https://xn--exmple-cua.com/', origin: 'https://xn--exmple-cua.com' },
    },
    {
      name: 'a non-ASCII path and query, percent-encoded',
      input: 'https://rf.example.com/café?q=ü',
      expected: { location: 'https://rf.example.com/caf%C3%A9?q=%C3%BC', origin: 'https://rf.example.com' },
    },
    {
      name: 'encoded slashes in the path, which stay in the path',
      input: 'https://rf.example.com/%2F%2Fevil.com',
      expected: { location: 'https://rf.example.com/%2F%2Fevil.com', origin: 'https://rf.example.com' },
    },
    {
      name: 'an @ in the path, which is not userinfo',
      input: 'https://rf.example.com/u/@me',
      expected: { location: 'https://rf.example.com/u/@me', origin: 'https://rf.example.com' },
    },
    {
      name: 'an IPv6 host with a port',
      input: 'http://[::1]:3000/cb',
      expected: { location: 'http://[::1]:3000/cb', origin: 'http://[::1]:3000' },
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(parseRedirectTarget(input)).toEqual({ ok: true, ...expected });
  });
});

describe('parseRedirectTarget refuses', () => {
  const cases = [
    { name: 'a backslash before @ (browsers see rf.example.com, curl sees evil.com)', input: 'https://rf.example.com\\@evil.com', expected: /backslash/ },
    { name: 'backslashes for the slashes after the scheme', input: 'https:\\\\evil.com', expected: /backslash/ },
    { name: 'a backslash after the slashes', input: 'https:/\\evil.com', expected: /backslash/ },
    { name: 'a path-relative target starting with a slash and a backslash', input: '/\\evil.com', expected: /backslash/ },
    { name: 'a percent-encoded backslash and @ in the host', input: 'https://rf.example.com%5C%40evil.com', expected: /not an absolute URL/ },
    { name: 'a percent-encoded @ in the host', input: 'https://rf.example.com%40evil.com', expected: /not an absolute URL/ },
    { name: 'percent-encoded slashes in the host', input: 'https://rf.example.com%2F%2Fevil.com', expected: /not an absolute URL/ },
    { name: 'a relative target with encoded slashes', input: '/%2F%2Fevil.com', expected: /not an absolute URL/ },
    { name: 'userinfo before the host', input: 'https://rf.example.com@evil.com/', expected: /user name or password/ },
    { name: 'a user name and password', input: 'https://user:pass@rf.example.com/', expected: /user name or password/ },
    { name: 'an empty userinfo', input: 'https://@rf.example.com/', expected: /user name or password/ },
    { name: 'a scheme-relative //host target', input: '//evil.com/', expected: /not an absolute URL/ },
    { name: 'a path-only target', input: '/app', expected: /not an absolute URL/ },
    { name: 'a javascript: URL', input: 'javascript:alert(1)', expected: /scheme javascript:/ },
    { name: 'a data: URL', input: 'data:text/html,<script>alert(1)</script>', expected: /scheme data:/ },
    { name: 'a blob: URL, whose origin is another URL inside it', input: 'blob:https://rf.example.com/x', expected: /scheme blob:/ },
    { name: 'a leading space', input: ' https://rf.example.com/', expected: /whitespace/ },
    { name: 'a space in the host', input: 'https://rf.example.com /', expected: /whitespace/ },
    { name: 'a tab in the scheme', input: 'ht\ttps://evil.com/', expected: /whitespace/ },
    { name: 'a newline (header injection)', input: 'https://rf.example.com/\r\nSet-Cookie: a=b', expected: /whitespace/ },
    { name: 'a NUL character', input: 'https://rf.example.com/\u0000', expected: /control character/ },
    { name: 'a non-breaking space', input: 'https://rf.example.com\u00a0/', expected: /whitespace/ },
    { name: 'an ideographic space', input: 'https://rf.example.com/\u3000', expected: /whitespace/ },
    { name: 'an empty string', input: '', expected: /not an absolute URL/ },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const result = parseRedirectTarget(input);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(expected);
  });
});

describe('orgRelativeTarget keeps a fromURI inside the org', () => {
  const cases = [
    { name: 'a console path', input: '/admin/access/api/trusted_origins', expected: '/admin/access/api/trusted_origins' },
    { name: 'a path with a query', input: '/admin/okta-mock/requests?refused=1', expected: '/admin/okta-mock/requests?refused=1' },
    { name: 'not a protocol-relative URL, which names another host', input: '//evil.example/admin', expected: undefined },
    { name: 'not a backslash path, which browsers read as another host', input: '/\\evil.example', expected: undefined },
    { name: 'not an absolute URL (those go through the trusted-origin check)', input: 'https://evil.example/', expected: undefined },
    { name: 'not a path with a line break', input: '/admin\r\nSet-Cookie: x=1', expected: undefined },
    { name: 'not an empty value', input: '', expected: undefined },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(orgRelativeTarget(input)).toBe(expected);
  });
});
