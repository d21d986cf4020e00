import { describe, expect, it } from 'vitest';
import { redactQuery } from '../../src/domain/redact-query.js';
import { named } from './table.js';

describe('redactQuery', () => {
  const cases = [
    { name: 'keeps an empty query empty', input: '', expected: '' },
    { name: 'keeps a query without secrets as it is', input: 'limit=20&after=tos1&filter=status+eq+%22ACTIVE%22', expected: 'limit=20&after=tos1&filter=status+eq+%22ACTIVE%22' },
    {
      name: 'redacts the session token of sessionCookieRedirect and keeps its redirectUrl',
      input: 'checkAccountSetupComplete=true&token=20111abc&redirectUrl=https%3A%2F%2Frf.example.com%2Fapp',
      expected: 'checkAccountSetupComplete=true&token=[redacted]&redirectUrl=https%3A%2F%2Frf.example.com%2Fapp',
    },
    { name: 'redacts sessionToken, password and sid', input: 'sessionToken=a&password=b&sid=c&fromURI=%2Fx', expected: 'sessionToken=[redacted]&password=[redacted]&sid=[redacted]&fromURI=%2Fx' },
    { name: 'redacts whatever the letter case of the name', input: 'TOKEN=a&SessionToken=b', expected: 'TOKEN=[redacted]&SessionToken=[redacted]' },
    { name: 'redacts a percent-encoded name', input: '%74oken=secret', expected: '%74oken=[redacted]' },
    { name: 'redacts every repetition of a name', input: 'token=a&token=b', expected: 'token=[redacted]&token=[redacted]' },
    { name: 'marks a secret name given without a value', input: 'token', expected: 'token=[redacted]' },
    { name: 'keeps a name with malformed percent-encoding as it is', input: 'a%zz=1&token=x', expected: 'a%zz=1&token=[redacted]' },
    { name: 'does not redact a name that only contains a secret word', input: 'tokenType=x&mysid=y', expected: 'tokenType=x&mysid=y' },
    { name: 'keeps a secret word that is only a value', input: 'q=token&after=sid', expected: 'q=token&after=sid' },
    { name: 'redacts a secret name after plain ones, in any case', input: 'limit=20&Access_Token=x', expected: 'limit=20&Access_Token=[redacted]' },
    { name: 'redacts a secret name given last without a value', input: 'limit=20&sid', expected: 'limit=20&sid=[redacted]' },
    { name: 'keeps a name that decodes to a secret word and a space', input: 'token+=x', expected: 'token+=x' },
    { name: 'redacts an encoded name among plain ones', input: 'limit=20&%73id=x', expected: 'limit=20&%73id=[redacted]' },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(redactQuery(input)).toBe(expected);
  });
});
