import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { OktaApiError } from '../../src/errors.js';
import { validateTrustedOriginInput } from '../../src/domain/validate-trusted-origin.js';

const valid = { name: 'Example', origin: 'https://example.com', scopes: [{ type: 'CORS' }] };
const long = (n: number) => 'a'.repeat(n);
const longOrigin = (n: number) => `https://${long(n - 12)}.com`; // exactly n characters

const errorOf = (body: unknown) => {
  try {
    validateTrustedOriginInput(body);
  } catch (e) {
    expect(e).toBeInstanceOf(OktaApiError);
    const err = e as OktaApiError;
    return { status: err.status, errorCode: err.errorCode, errorSummary: err.errorSummary, causes: err.errorCauses.map((c) => c.errorSummary) };
  }
  throw new Error('expected the body to be rejected');
};

const e1 = (field: string, ...causes: string[]) => ({ status: 400, errorCode: 'E0000001', errorSummary: `Api validation failed: ${field}`, causes });
const BLANK = 'The field cannot be left blank';
const TOO_LONG = 'The field cannot be longer than 255 characters';
const BAD_ORIGIN = 'origin: Origin value is not valid';

describe('validateTrustedOriginInput rejects broken rules with E0000001', () => {
  const cases = [
    { name: 'rejects a missing name with E0000001 name: The field cannot be left blank', input: { ...valid, name: undefined }, expected: e1('name', `name: ${BLANK}`) },
    { name: 'rejects a null name with E0000001 name: The field cannot be left blank', input: { ...valid, name: null }, expected: e1('name', `name: ${BLANK}`) },
    { name: 'rejects an empty name with E0000001 name: The field cannot be left blank', input: { ...valid, name: '' }, expected: e1('name', `name: ${BLANK}`) },
    { name: 'rejects a whitespace-only name with E0000001 name: The field cannot be left blank', input: { ...valid, name: ' \t ' }, expected: e1('name', `name: ${BLANK}`) },
    { name: 'rejects a 256-character name with E0000001 name: too long', input: { ...valid, name: long(256) }, expected: e1('name', `name: ${TOO_LONG}`) },
    { name: 'rejects a missing origin with E0000001 origin: The field cannot be left blank', input: { ...valid, origin: undefined }, expected: e1('origin', `origin: ${BLANK}`) },
    { name: 'rejects a null origin with E0000001 origin: The field cannot be left blank', input: { ...valid, origin: null }, expected: e1('origin', `origin: ${BLANK}`) },
    { name: 'rejects a blank origin with E0000001 origin: The field cannot be left blank', input: { ...valid, origin: '  ' }, expected: e1('origin', `origin: ${BLANK}`) },
    { name: 'rejects a 256-character origin with E0000001 origin: too long', input: { ...valid, origin: longOrigin(256) }, expected: e1('origin', `origin: ${TOO_LONG}`) },
    { name: 'rejects an origin without a scheme with E0000001 origin: Origin value is not valid', input: { ...valid, origin: 'example.com' }, expected: e1('origin', BAD_ORIGIN) },
    { name: 'rejects an origin with a path with E0000001 origin: Origin value is not valid', input: { ...valid, origin: 'https://example.com/app' }, expected: e1('origin', BAD_ORIGIN) },
    { name: 'rejects a wildcard origin for a CORS scope with E0000001 origin: Origin value is not valid', input: { ...valid, origin: 'https://*.example.com' }, expected: e1('origin', BAD_ORIGIN) },
    {
      name: 'rejects a wildcard origin when IFRAME_EMBED is mixed with REDIRECT with E0000001 origin: Origin value is not valid',
      input: { ...valid, origin: 'https://*.example.com', scopes: [{ type: 'IFRAME_EMBED' }, { type: 'REDIRECT' }] },
      expected: e1('origin', BAD_ORIGIN),
    },
    { name: 'rejects missing scopes with E0000001 scopes: The field cannot be left blank', input: { ...valid, scopes: undefined }, expected: e1('scopes', `scopes: ${BLANK}`) },
    { name: 'rejects null scopes with E0000001 scopes: The field cannot be left blank', input: { ...valid, scopes: null }, expected: e1('scopes', `scopes: ${BLANK}`) },
    { name: 'rejects an empty scope list with E0000001 scopes: The field cannot be left blank', input: { ...valid, scopes: [] }, expected: e1('scopes', `scopes: ${BLANK}`) },
    { name: 'rejects a null scope with E0000001 scopes: The field cannot be left blank', input: { ...valid, scopes: [null] }, expected: e1('scopes', `scopes: ${BLANK}`) },
    { name: 'rejects a scope without a type with E0000001 scopes: The field cannot be left blank', input: { ...valid, scopes: [{}] }, expected: e1('scopes', `scopes: ${BLANK}`) },
    {
      name: 'rejects more than 3 scopes with E0000001 scopes: too many scopes',
      input: { ...valid, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }, { type: 'IFRAME_EMBED' }, null] },
      expected: e1('scopes', 'scopes: A trusted origin cannot have more than 3 scopes', `scopes: ${BLANK}`),
    },
    {
      name: 'rejects a repeated scope type with E0000001 scopes: Each scope type can be used only once',
      input: { ...valid, scopes: [{ type: 'CORS' }, { type: 'CORS' }] },
      expected: e1('scopes', 'scopes: Each scope type can be used only once'),
    },
    {
      name: 'rejects an unknown allowedOktaApps value on a CORS scope with E0000001 scopes: must be a list of OKTA_ENDUSER',
      input: { ...valid, scopes: [{ type: 'CORS', allowedOktaApps: ['OKTA_ADMIN'] }] },
      expected: e1('scopes', 'scopes: allowedOktaApps must be a list of: OKTA_ENDUSER'),
    },
    {
      name: 'rejects allowedOktaApps that is not a list on a REDIRECT scope with E0000001 scopes: must be a list of OKTA_ENDUSER',
      input: { ...valid, scopes: [{ type: 'REDIRECT', allowedOktaApps: {} }] },
      expected: e1('scopes', 'scopes: allowedOktaApps must be a list of: OKTA_ENDUSER'),
    },
    {
      name: 'rejects an unknown allowedOktaApps value with E0000001 scopes: must be a list of OKTA_ENDUSER',
      input: { ...valid, scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ADMIN'] }] },
      expected: e1('scopes', 'scopes: allowedOktaApps must be a list of: OKTA_ENDUSER'),
    },
    {
      name: 'rejects allowedOktaApps that is not a list with E0000001 scopes: must be a list of OKTA_ENDUSER',
      input: { ...valid, scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: 'OKTA_ENDUSER' }] },
      expected: e1('scopes', 'scopes: allowedOktaApps must be a list of: OKTA_ENDUSER'),
    },
    {
      name: 'lists every broken rule as a cause in field order and names the first field in the summary',
      input: { origin: 'example.com', scopes: [{ type: 'CORS' }, { type: 'CORS', allowedOktaApps: ['OKTA_ADMIN'] }] },
      expected: e1(
        'name',
        `name: ${BLANK}`,
        BAD_ORIGIN,
        'scopes: Each scope type can be used only once',
        'scopes: allowedOktaApps must be a list of: OKTA_ENDUSER',
      ),
    },
    { name: 'names origin in the summary when name is fine but origin and scopes are not', input: { name: 'x', origin: '', scopes: [] }, expected: e1('origin', `origin: ${BLANK}`, `scopes: ${BLANK}`) },
    { name: 'rejects an empty object with three blank causes', input: {}, expected: e1('name', `name: ${BLANK}`, `origin: ${BLANK}`, `scopes: ${BLANK}`) },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(errorOf(input)).toEqual(expected);
  });
});

describe('validateTrustedOriginInput rejects bodies that cannot be bound with E0000003', () => {
  const E3 = { status: 400, errorCode: 'E0000003', errorSummary: 'The request body was not well-formed.', causes: [] };
  const cases = [
    { name: 'rejects a null body with E0000003', input: null, expected: E3 },
    { name: 'rejects an array body with E0000003', input: [valid], expected: E3 },
    { name: 'rejects a string body with E0000003', input: 'name=x', expected: E3 },
    { name: 'rejects a numeric name with E0000003', input: { ...valid, name: 42 }, expected: E3 },
    { name: 'rejects an object origin with E0000003', input: { ...valid, origin: { href: 'https://example.com' } }, expected: E3 },
    { name: 'rejects scopes given as an object with E0000003', input: { ...valid, scopes: { type: 'CORS' } }, expected: E3 },
    { name: 'rejects a scope given as a string with E0000003', input: { ...valid, scopes: ['CORS'] }, expected: E3 },
    { name: 'rejects an unknown scope type with E0000003', input: { ...valid, scopes: [{ type: 'FOO' }] }, expected: E3 },
    { name: 'rejects a scope type in the wrong case, as Okta did for "Redirect", with E0000003', input: { ...valid, scopes: [{ type: 'Redirect' }] }, expected: E3 },
    { name: 'prefers E0000003 over E0000001 when the body has both kinds of problem', input: { name: '', origin: 'bad', scopes: [{ type: 'FOO' }] }, expected: E3 },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(errorOf(input)).toEqual(expected);
  });
});

describe('validateTrustedOriginInput accepts valid bodies', () => {
  const cases = [
    { name: 'accepts a minimal CORS origin', input: valid, expected: valid },
    { name: 'accepts a 255-character name', input: { ...valid, name: long(255) }, expected: { ...valid, name: long(255) } },
    {
      name: 'accepts all three scope types once each',
      input: { ...valid, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }, { type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] },
      expected: { ...valid, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }, { type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] },
    },
    {
      name: 'accepts a wildcard origin when every scope is IFRAME_EMBED',
      input: { ...valid, origin: 'https://*.example.com', scopes: [{ type: 'IFRAME_EMBED' }] },
      expected: { ...valid, origin: 'https://*.example.com', scopes: [{ type: 'IFRAME_EMBED' }] },
    },
    {
      name: 'accepts IFRAME_EMBED with an empty allowedOktaApps list and keeps it',
      input: { ...valid, scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: [] }] },
      expected: { ...valid, scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: [] }] },
    },
    {
      name: 'accepts IFRAME_EMBED with allowedOktaApps OKTA_ENDUSER and keeps it',
      input: { ...valid, origin: 'https://*.example.com', scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] },
      expected: { ...valid, origin: 'https://*.example.com', scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] },
    },
    {
      name: 'accepts an empty allowedOktaApps on a CORS scope, as Okta\'s spec allows, and stores the scope without it',
      input: { ...valid, scopes: [{ type: 'CORS', allowedOktaApps: [] }] },
      expected: valid,
    },
    {
      name: 'accepts an empty allowedOktaApps on a REDIRECT scope and stores the scope without it',
      input: { ...valid, scopes: [{ type: 'REDIRECT', allowedOktaApps: [] }] },
      expected: { ...valid, scopes: [{ type: 'REDIRECT' }] },
    },
    {
      name: 'accepts OKTA_ENDUSER on a CORS scope and stores the scope without it (it only means something for IFRAME_EMBED)',
      input: { ...valid, scopes: [{ type: 'CORS', allowedOktaApps: ['OKTA_ENDUSER'] }, { type: 'IFRAME_EMBED', allowedOktaApps: [] }] },
      expected: { ...valid, scopes: [{ type: 'CORS' }, { type: 'IFRAME_EMBED', allowedOktaApps: [] }] },
    },
    {
      name: 'treats a null allowedOktaApps as absent',
      input: { ...valid, scopes: [{ type: 'CORS', allowedOktaApps: null }] },
      expected: valid,
    },
    {
      name: 'ignores read-only fields, _links and unknown keys, as the Node SDK sends them back on PUT',
      input: {
        ...valid,
        id: 'tosue7JvguwJ7U6kz0g3',
        status: 'INACTIVE',
        created: '2025-03-13T23:43:59Z',
        createdBy: '00u5qwjvk7u6E1DFG1d7',
        lastUpdated: 'not even a date',
        lastUpdatedBy: 42,
        _links: { self: { href: 'https://x' } },
        somethingElse: true,
        scopes: [{ type: 'CORS', extra: 'dropped' }],
      },
      expected: valid,
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const result = validateTrustedOriginInput(input);
    expect(result).toEqual(expected);
    expect(Object.keys(result)).toEqual(['name', 'origin', 'scopes']);
  });

  it('copies allowedOktaApps so later changes to the request body do not reach the store', () => {
    const apps = ['OKTA_ENDUSER'];
    const result = validateTrustedOriginInput({ ...valid, scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: apps }] });
    apps.push('OKTA_ADMIN');
    expect(result.scopes[0]!.allowedOktaApps).toEqual(['OKTA_ENDUSER']);
  });
});
