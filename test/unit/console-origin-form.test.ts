import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  FORM_FIELDS,
  formValuesFrom,
  formValuesOf,
  placeCauses,
  requestBodyOf,
  scopeWords,
  type OriginFormValues,
} from '../../src/console/origin-form.js';
import type { TrustedOriginScope } from '../../src/domain/trusted-origin.js';
import { formBody } from '../../src/console/trusted-origins-pages.js';
import { OktaApiError } from '../../src/errors.js';
import { textOfId } from '../support/console.js';
import { named } from './table.js';

const form = (values: Partial<OriginFormValues>): OriginFormValues => ({ ...EMPTY_FORM, name: 'App', origin: 'https://app.example.com', ...values });

describe('the Add Origin form as an API body', () => {
  const cases: Array<{ name: string; input: OriginFormValues; expected: TrustedOriginScope[] }> = [
    { name: 'no box ticked sends no scopes, for the API to refuse', input: form({}), expected: [] },
    { name: 'CORS and Redirect send both scopes in the API\'s order', input: form({ redirect: true, cors: true }), expected: [{ type: 'CORS' }, { type: 'REDIRECT' }] },
    { name: 'iFrame embed alone sends IFRAME_EMBED without allowedOktaApps', input: form({ iframe: true }), expected: [{ type: 'IFRAME_EMBED' }] },
    {
      name: 'iFrame embed with the End-User Dashboard box sends allowedOktaApps OKTA_ENDUSER',
      input: form({ iframe: true, endUserDashboard: true }),
      expected: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }],
    },
    { name: 'the End-User Dashboard box without iFrame embed adds nothing', input: form({ cors: true, endUserDashboard: true }), expected: [{ type: 'CORS' }] },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(requestBodyOf(input)).toEqual({ name: 'App', origin: 'https://app.example.com', scopes: expected });
  });

  it('keeps the name and origin exactly as typed, spaces included, for the API to judge', () => {
    const fields = new Map([[FORM_FIELDS.name, '  '], [FORM_FIELDS.origin, ' example.com'], [FORM_FIELDS.cors, 'on']]);
    expect(requestBodyOf(formValuesFrom(fields))).toEqual({ name: '  ', origin: ' example.com', scopes: [{ type: 'CORS' }] });
  });

  it('fills the Edit form with a record so that saving it unchanged sends the same scopes back', () => {
    const scopes: TrustedOriginScope[] = [{ type: 'CORS' }, { type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }];
    expect(requestBodyOf(formValuesOf({ name: 'n', origin: 'https://o.example.com', scopes }))).toEqual({ name: 'n', origin: 'https://o.example.com', scopes });
  });
});

describe('the Type column\'s words', () => {
  const cases: Array<{ name: string; input: TrustedOriginScope[]; expected: string[] }> = [
    { name: 'CORS and REDIRECT read CORS, Redirect', input: [{ type: 'REDIRECT' }, { type: 'CORS' }], expected: ['CORS', 'Redirect'] },
    { name: 'IFRAME_EMBED reads iFrame embed', input: [{ type: 'IFRAME_EMBED' }], expected: ['iFrame embed'] },
    {
      name: 'IFRAME_EMBED with OKTA_ENDUSER says the End-User Dashboard is allowed too',
      input: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }],
      expected: ['iFrame embed (and the Okta End-User Dashboard)'],
    },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => expect(scopeWords(input)).toEqual(expected));
});

describe('where a validation cause is shown', () => {
  const cases: Array<{ name: string; input: string; expected: 'name' | 'origin' | 'scopes' | 'top' }> = [
    { name: 'a name cause goes beside Name', input: 'name: The field cannot be left blank', expected: 'name' },
    { name: 'an origin cause goes beside Origin URL', input: 'origin: Origin value is not valid', expected: 'origin' },
    { name: 'a scopes cause goes beside Type', input: 'scopes: The field cannot be left blank', expected: 'scopes' },
    { name: 'a cause about a part of the scopes goes beside Type', input: 'scopes[0].type: The field cannot be left blank', expected: 'scopes' },
    { name: 'a cause naming a field the form does not have goes to the top', input: 'status: Not allowed', expected: 'top' },
    { name: 'a cause naming no field goes to the top', input: 'Something went wrong', expected: 'top' },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const placed = placeCauses([{ errorSummary: input }]);
    const where = placed.unplaced.includes(input) ? 'top' : (Object.entries(placed.byField).find(([, texts]) => texts.includes(input))?.[0] ?? 'nowhere');
    expect(where).toBe(expected);
  });
});

describe('the form\'s error summary', () => {
  it('shows a body the API cannot bind (E0000003), which names no field, at the top of the form', async () => {
    const html = String(await formBody({ action: '/admin/x', values: EMPTY_FORM, csrfToken: 't', error: OktaApiError.of('E0000003') }));
    expect(textOfId(html, 'form-errors')).toBe('The request body was not well-formed.');
    expect(html).not.toContain('aria-invalid');
  });
});
