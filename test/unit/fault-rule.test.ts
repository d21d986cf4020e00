import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { checkFaultRule, faultRuleMatches, findFaultRule, MAX_DELAY_MS, type FaultRuleSpec } from '../../src/domain/fault-rule.js';

const rule = (over: Partial<FaultRuleSpec>): FaultRuleSpec => ({
  method: null,
  path: '/api/v1/trustedOrigins',
  status: 500,
  errorCode: 'E0000009',
  delayMs: null,
  times: null,
  ...over,
});

describe('checkFaultRule: good rules, resolved', () => {
  const cases = [
    {
      name: 'the issue example: a POST answered 500 E0000009 twice',
      input: { method: 'POST', path: '/api/v1/trustedOrigins', status: 500, errorCode: 'E0000009', times: 2 },
      expected: rule({ method: 'POST', times: 2 }),
    },
    {
      name: 'a delay alone lets the real answer through, on any method',
      input: { path: '/api/v1/users/me', delayMs: 800 },
      expected: rule({ path: '/api/v1/users/me', status: null, errorCode: null, delayMs: 800 }),
    },
    {
      name: 'an error code alone answers with the catalogue status',
      input: { path: '/api/v1/authn', errorCode: 'E0000047' },
      expected: rule({ path: '/api/v1/authn', status: 429, errorCode: 'E0000047' }),
    },
    {
      name: 'a status alone answers with the error a real org gives for it',
      input: { path: '/api/v1/authn', status: 401 },
      expected: rule({ path: '/api/v1/authn', status: 401, errorCode: 'E0000011' }),
    },
    {
      name: 'a 5xx status of no catalogue entry answers with the 500 error under that status',
      input: { path: '/api/v1/authn', status: 503 },
      expected: rule({ path: '/api/v1/authn', status: 503, errorCode: 'E0000009' }),
    },
    {
      name: 'a status and an error code answer that error under that status',
      input: { path: '/api/v1/authn', status: 503, errorCode: 'E0000047' },
      expected: rule({ path: '/api/v1/authn', status: 503, errorCode: 'E0000047' }),
    },
    {
      name: 'a lower-case method is taken in upper case, and a trailing * is kept',
      input: { method: 'get', path: '/api/v1/*', status: 500 },
      expected: rule({ method: 'GET', path: '/api/v1/*' }),
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(checkFaultRule(input)).toEqual({ rule: expected });
  });
});

describe('checkFaultRule: bad rules, every problem named', () => {
  const cases = [
    { name: 'not an object', input: 'oops', expected: [['rule', /JSON object/]] },
    { name: 'an unknown key', input: { path: '/x', status: 500, statusCode: 500 }, expected: [['statusCode', /unknown key/]] },
    { name: 'no path', input: { status: 500 }, expected: [['path', /path is required/]] },
    { name: 'a path without a leading slash', input: { path: 'api/v1/users', status: 500 }, expected: [['path', /must start with "\/"/]] },
    { name: 'a path with a query', input: { path: '/api/v1/trustedOrigins?limit=1', status: 500 }, expected: [['path', /without a query/]] },
    { name: 'a * inside the path', input: { path: '/api/*/users', status: 500 }, expected: [['path', /may only end/]] },
    { name: 'a path into the control API', input: { path: '/__okta-mock/*', status: 500 }, expected: [['path', /control API/]] },
    { name: 'a path into the Admin Console', input: { path: '/admin/access/api/trusted_origins', status: 500 }, expected: [['path', /Admin Console/]] },
    { name: 'a status that is not an error', input: { path: '/x', status: 200 }, expected: [['status', /400 to 599/]] },
    { name: 'a status that is not a whole number', input: { path: '/x', status: '500' }, expected: [['status', /400 to 599/]] },
    { name: 'an unknown error code', input: { path: '/x', errorCode: 'E9999999' }, expected: [['errorCode', /unknown error code/]] },
    { name: 'a 4xx status with no Okta error of its own', input: { path: '/x', status: 409 }, expected: [['errorCode', /status 409 has no Okta error/]] },
    { name: 'a negative delay', input: { path: '/x', delayMs: -1 }, expected: [['delayMs', /from 0 to/]] },
    { name: 'a delay too large', input: { path: '/x', delayMs: MAX_DELAY_MS + 1 }, expected: [['delayMs', /from 0 to/]] },
    { name: 'negative times', input: { path: '/x', status: 500, times: -1 }, expected: [['times', /from 1/]] },
    { name: 'zero times', input: { path: '/x', status: 500, times: 0 }, expected: [['times', /from 1/]] },
    { name: 'a preflight method', input: { method: 'OPTIONS', path: '/x', status: 500 }, expected: [['method', /preflights are never faulted/]] },
    { name: 'nothing to do', input: { path: '/x', times: 1 }, expected: [['rule', /needs a status, an errorCode or a delayMs/]] },
    {
      name: 'several problems at once',
      input: { path: 'x', status: 99, delayMs: 1.5 },
      expected: [['path', /must start/], ['status', /400 to 599/], ['delayMs', /from 0 to/]],
    },
  ] as const;

  it.each(named(cases))('refuses %s', (_name, { input, expected }) => {
    const checked = checkFaultRule(input);
    expect('problems' in checked).toBe(true);
    const problems = 'problems' in checked ? checked.problems : [];
    expect(problems.map((p) => p.field)).toEqual(expected.map(([field]) => field));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i]![1]));
  });

  it('names the causes of a rule in a list by its place', () => {
    const checked = checkFaultRule({ path: '/x' }, '[2].');
    expect('problems' in checked && checked.problems.map((p) => p.field)).toEqual(['[2].rule']);
  });
});

describe('faultRuleMatches and findFaultRule', () => {
  const cases = [
    { name: 'applies to an exact path on any method', input: { rule: { method: null, path: '/api/v1/users/me' }, method: 'GET', path: '/api/v1/users/me' }, expected: true },
    { name: 'does not apply to a longer path without *', input: { rule: { method: null, path: '/api/v1/users' }, method: 'GET', path: '/api/v1/users/me' }, expected: false },
    { name: 'applies to a longer path with *', input: { rule: { method: null, path: '/api/v1/*' }, method: 'GET', path: '/api/v1/users/me' }, expected: true },
    { name: 'applies to the method given', input: { rule: { method: 'POST', path: '/api/v1/authn' }, method: 'POST', path: '/api/v1/authn' }, expected: true },
    { name: 'does not apply to another method', input: { rule: { method: 'POST', path: '/api/v1/authn' }, method: 'GET', path: '/api/v1/authn' }, expected: false },
    { name: 'never applies to a preflight, even on any method', input: { rule: { method: null, path: '/api/v1/authn' }, method: 'OPTIONS', path: '/api/v1/authn' }, expected: false },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(faultRuleMatches(input.rule, { method: input.method, path: input.path })).toBe(expected);
  });

  it('finds the first rule that applies, skipping used-up ones', () => {
    const rules = [
      { ...rule({ path: '/a', times: 0 }), id: 'used' },
      { ...rule({ path: '/b' }), id: 'other path' },
      { ...rule({ path: '/a', times: 1 }), id: 'first' },
      { ...rule({ path: '/*' }), id: 'second' },
    ];
    expect(findFaultRule(rules, { method: 'GET', path: '/a' })?.id).toBe('first');
    expect(findFaultRule(rules, { method: 'GET', path: '/c' })?.id).toBe('second');
    expect(findFaultRule(rules.slice(0, 2), { method: 'GET', path: '/c' })).toBeUndefined();
  });
});
