import { describe, expect, it } from 'vitest';
import { sessionCookieAttributes } from '../../src/domain/session-cookie-attributes.js';
import { named } from './table.js';

describe('sessionCookieAttributes', () => {
  const cases = [
    { name: 'sets Path=/ and HttpOnly only over plain HTTP, as before', input: 'http', expected: { path: '/', httpOnly: true } },
    { name: 'adds Secure and SameSite=None over HTTPS so cross-site credentialed calls carry the cookie', input: 'https', expected: { path: '/', httpOnly: true, secure: true, sameSite: 'None' } },
    { name: 'reads the scheme case-insensitively', input: 'HTTPS', expected: { path: '/', httpOnly: true, secure: true, sameSite: 'None' } },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(sessionCookieAttributes(input)).toEqual(expected);
  });
});
