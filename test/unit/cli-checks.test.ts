import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { hostWarning, isLoopbackHost, tokenProblem } from '../../src/cli-checks.js';

describe('isLoopbackHost', () => {
  const cases = [
    { name: 'treats 127.0.0.1 as loopback', input: '127.0.0.1', expected: true },
    { name: 'treats all of 127.0.0.0/8 as loopback', input: '127.1.2.3', expected: true },
    { name: 'treats ::1 as loopback', input: '::1', expected: true },
    { name: 'treats a bracketed [::1] as loopback', input: '[::1]', expected: true },
    { name: 'treats localhost as loopback', input: 'localhost', expected: true },
    { name: 'treats an IPv4-mapped loopback as loopback', input: '::ffff:127.0.0.1', expected: true },
    { name: 'treats 0.0.0.0 (every interface) as reachable', input: '0.0.0.0', expected: false },
    { name: 'treats :: (every interface) as reachable', input: '::', expected: false },
    { name: 'treats a LAN address as reachable', input: '192.168.1.5', expected: false },
    { name: 'treats a host name other than localhost as reachable', input: 'myhost.example', expected: false },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(isLoopbackHost(input)).toBe(expected);
  });
});

describe('hostWarning', () => {
  it('says the org and its well-known token are reachable from the network for 0.0.0.0', () => {
    expect(hostWarning('0.0.0.0')).toBe(
      'warning: --host 0.0.0.0 is not a loopback address: this org, its well-known API token and the fixture password are reachable from the network',
    );
  });
  it('says nothing for 127.0.0.1', () => {
    expect(hostWarning('127.0.0.1')).toBeUndefined();
  });
});

describe('tokenProblem', () => {
  const cases = [
    { name: 'accepts a visible-ASCII token', input: '00abc-DEF_123.~+/=', expected: undefined },
    { name: 'refuses an empty token', input: '', expected: /--token #1 is empty/ },
    { name: 'refuses a token with a space', input: 'a b', expected: /--token #1 contains whitespace/ },
    { name: 'refuses a token with a tab', input: 'a\tb', expected: /contains whitespace/ },
    { name: 'refuses a token with a trailing newline', input: 'abc\n', expected: /contains whitespace/ },
    { name: 'refuses a token with a non-ASCII letter', input: 'tökén', expected: /outside visible ASCII/ },
    { name: 'refuses a token with a control character', input: 'a\u0001b', expected: /outside visible ASCII/ },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const problem = tokenProblem(input, 1);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });

  it('never repeats the token itself in its line', () => {
    expect(tokenProblem('secret value', 2)).not.toContain('secret');
  });
});
