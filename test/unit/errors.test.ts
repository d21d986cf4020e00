import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { ERROR_CATALOGUE, OktaApiError, notFound, type ErrorCode } from '../../src/errors.js';

describe('OktaApiError.toBody', () => {
  const cases = [
    {
      name: 'answers E0000007 with the recorded not-found body, byte for byte',
      input: { error: notFound('tossfah1f8mvFeGvv4x6'), errorId: 'oaeAoSVzRKJROu405OcElAYIg' },
      expected:
        '{"errorCode":"E0000007","errorSummary":"Not found: Resource not found: tossfah1f8mvFeGvv4x6 (TrustedOrigin)","errorLink":"E0000007","errorId":"oaeAoSVzRKJROu405OcElAYIg","errorCauses":[]}',
    },
    {
      name: 'answers E0000047 with the recorded rate-limit body, byte for byte',
      input: { error: OktaApiError.of('E0000047'), errorId: 'oae_A2-4_P9RtWIEh-N4O0qfg' },
      expected:
        '{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047","errorId":"oae_A2-4_P9RtWIEh-N4O0qfg","errorCauses":[]}',
    },
    {
      name: 'answers E0000029 with Invalid cursor. as the recorded apps body, byte for byte',
      input: { error: OktaApiError.of('E0000029').withCauses([{ errorSummary: 'Invalid cursor.' }]), errorId: 'oaeX' },
      expected:
        '{"errorCode":"E0000029","errorSummary":"Invalid paging request.","errorLink":"E0000029","errorId":"oaeX","errorCauses":[{"errorSummary":"Invalid cursor."}]}',
    },
    {
      name: 'answers E0000001 with the documented invalid-origin body',
      input: { error: OktaApiError.validation([{ field: 'origin', message: 'Origin value is not valid' }]), errorId: 'oaeY' },
      expected:
        '{"errorCode":"E0000001","errorSummary":"Api validation failed: origin","errorLink":"E0000001","errorId":"oaeY","errorCauses":[{"errorSummary":"origin: Origin value is not valid"}]}',
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(JSON.stringify(input.error.toBody(input.errorId))).toBe(expected);
  });

  it('puts the keys in the order errorCode, errorSummary, errorLink, errorId, errorCauses', () => {
    expect(Object.keys(OktaApiError.of('E0000031').toBody('oaeZ'))).toEqual(['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses']);
  });
});

describe('OktaApiError.of', () => {
  const cases: Array<{ name: string; input: ErrorCode; expected: { status: number; errorSummary: string } }> = [
    { name: 'makes E0000003 a 400 The request body was not well-formed.', input: 'E0000003', expected: { status: 400, errorSummary: 'The request body was not well-formed.' } },
    { name: 'makes E0000004 a 401 Authentication failed', input: 'E0000004', expected: { status: 401, errorSummary: 'Authentication failed' } },
    { name: 'makes E0000005 a 403 Invalid session', input: 'E0000005', expected: { status: 403, errorSummary: 'Invalid session' } },
    { name: 'makes E0000006 a 403 permission error', input: 'E0000006', expected: { status: 403, errorSummary: 'You do not have permission to perform the requested action' } },
    { name: 'makes E0000011 a 401 Invalid token provided', input: 'E0000011', expected: { status: 401, errorSummary: 'Invalid token provided' } },
    {
      name: 'makes E0000021 a 400 with two spaces after "Bad request."',
      input: 'E0000021',
      expected: { status: 400, errorSummary: 'Bad request.  Accept and/or Content-Type headers likely do not match supported values.' },
    },
    { name: 'makes E0000022 a 405', input: 'E0000022', expected: { status: 405, errorSummary: 'The endpoint does not support the provided HTTP method' } },
    { name: 'makes E0000029 a 400 Invalid paging request.', input: 'E0000029', expected: { status: 400, errorSummary: 'Invalid paging request.' } },
    { name: 'makes E0000031 a 400 Invalid search criteria.', input: 'E0000031', expected: { status: 400, errorSummary: 'Invalid search criteria.' } },
    { name: 'makes E0000047 a 429', input: 'E0000047', expected: { status: 429, errorSummary: 'API call exceeded rate limit due to too many requests.' } },
    { name: 'makes E0000009 a 500 Internal Server Error', input: 'E0000009', expected: { status: 500, errorSummary: 'Internal Server Error' } },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const err = (OktaApiError.of as (code: ErrorCode) => OktaApiError)(input);
    expect(err).toBeInstanceOf(Error);
    expect({ status: err.status, errorSummary: err.errorSummary, errorCauses: err.errorCauses }).toEqual({ ...expected, errorCauses: [] });
    expect(err.status).toBe(ERROR_CATALOGUE[input].status);
  });

  it('names the entity given to E0000007', () => {
    expect(notFound('00uX', 'User').errorSummary).toBe('Not found: Resource not found: 00uX (User)');
    expect(notFound('00uX').status).toBe(404);
  });
});

describe('OktaApiError.validation', () => {
  const cases = [
    {
      name: 'names the first failing field in the summary and lists every cause in order',
      input: [
        { field: 'scopes', message: 'The field cannot be left blank' },
        { field: 'name', message: 'The field cannot be left blank' },
      ],
      expected: {
        status: 400,
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: scopes',
        errorCauses: [{ errorSummary: 'scopes: The field cannot be left blank' }, { errorSummary: 'name: The field cannot be left blank' }],
      },
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(OktaApiError.validation(input)).toMatchObject(expected);
  });

  it('refuses to build a validation error without a cause', () => {
    expect(() => OktaApiError.validation([])).toThrow(TypeError);
  });
});

describe('withCauses', () => {
  it('returns a new error with the causes and leaves the original untouched', () => {
    const base = OktaApiError.of('E0000031');
    const withCause = base.withCauses([{ errorSummary: 'Invalid cursor.' }]);
    expect(withCause).toMatchObject({ errorCode: 'E0000031', status: 400, errorSummary: 'Invalid search criteria.', errorCauses: [{ errorSummary: 'Invalid cursor.' }] });
    expect(base.errorCauses).toEqual([]);
  });
});
