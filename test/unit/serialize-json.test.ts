import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { serializeTrustedOrigin, trustedOriginJson, trustedOriginListJson, writtenTrustedOriginJson } from '../../src/domain/serialize-trusted-origin.js';
import type { TrustedOriginRecord } from '../../src/domain/trusted-origin.js';
import { recordedTrustedOrigin } from '../support/fixture-records.js';

/** The kept JSON text must be byte for byte what serializing the record afresh gives. */
const ORG = 'https://oie-00.dne-okta.com';
const OTHER_ORG = 'http://127.0.0.1:8787';

const record = recordedTrustedOrigin;

const fresh = (r: TrustedOriginRecord, orgUrl: string) => JSON.stringify(serializeTrustedOrigin(r, orgUrl));

describe('trustedOriginJson', () => {
  const cases = [
    { name: 'gives the bytes of an ACTIVE origin', input: record() },
    { name: 'gives the bytes of an INACTIVE origin (lifecycle link first)', input: record({ status: 'INACTIVE' }) },
    {
      name: 'gives the bytes of an origin with allowedOktaApps and two scopes',
      input: record({ scopes: [{ type: 'CORS' }, { type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] }),
    },
    { name: 'escapes a name that needs JSON escaping', input: record({ name: 'quote " backslash \\ tab \t é' }) },
    { name: 'escapes a lone surrogate, a line separator and a control character', input: record({ name: 'a\ud800b\u2028c\u0001d', origin: 'https://x.example' }) },
    { name: 'gives the bytes of an INACTIVE origin with three scopes', input: record({ status: 'INACTIVE', scopes: [{ type: 'REDIRECT' }, { type: 'IFRAME_EMBED', allowedOktaApps: [] }, { type: 'CORS' }] }) },
  ];

  it.each(named(cases))('%s, the first time and again', (_name, { input }) => {
    expect(trustedOriginJson(input, ORG)).toBe(fresh(input, ORG));
    expect(trustedOriginJson(input, ORG)).toBe(fresh(input, ORG));
  });

  it.each(named(cases))('%s as the answer to a write, then to a read', (_name, { input }) => {
    expect(writtenTrustedOriginJson(input, OTHER_ORG)).toBe(fresh(input, OTHER_ORG));
    expect(trustedOriginJson(input, OTHER_ORG)).toBe(fresh(input, OTHER_ORG));
  });

  it('escapes an org URL and an id in the links as JSON.stringify does', () => {
    const r = record({ id: 'tos"\\\u0001odd' });
    const odd = 'http://a"b\\c\u0001d';
    expect(trustedOriginJson(r, odd)).toBe(fresh(r, odd));
  });

  it('gives the links of the org URL asked for, when one record is served under two org URLs', () => {
    const r = record();
    expect(trustedOriginJson(r, ORG)).toBe(fresh(r, ORG));
    expect(trustedOriginJson(r, OTHER_ORG)).toBe(fresh(r, OTHER_ORG));
    expect(trustedOriginJson(r, ORG)).toBe(fresh(r, ORG));
  });

  it('gives the new text of a new version of a record, which has the same id', () => {
    const before = record({ name: 'Before' });
    expect(trustedOriginJson(before, ORG)).toBe(fresh(before, ORG));
    const after = record({ name: 'After', status: 'INACTIVE' });
    expect(after.id).toBe(before.id);
    expect(trustedOriginJson(after, ORG)).toBe(fresh(after, ORG));
  });

  it('stays right past the number of texts it keeps', () => {
    const many = Array.from({ length: 5000 }, (_, i) => record({ id: `tos${String(i).padStart(17, '0')}`, name: `n${i}` }));
    for (const r of many) expect(trustedOriginJson(r, ORG)).toBe(fresh(r, ORG));
    for (const r of [many[0]!, many[4999]!]) expect(trustedOriginJson(r, ORG)).toBe(fresh(r, ORG));
  });
});

describe('trustedOriginListJson', () => {
  const cases = [
    { name: 'gives [] for no records', input: [] as TrustedOriginRecord[] },
    { name: 'gives the bytes of a one-record list', input: [record()] },
    {
      name: 'gives the bytes of a list mixing statuses',
      input: [record(), record({ id: 'tos000000000000000a2', status: 'INACTIVE' }), record({ id: 'tos000000000000000a3' })],
    },
  ];

  it.each(named(cases))('%s', (_name, { input }) => {
    expect(trustedOriginListJson(input, ORG)).toBe(JSON.stringify(input.map((r) => serializeTrustedOrigin(r, ORG))));
  });

  it('gives each page its own bytes when pages follow one another: the same page again, one record replaced, another org URL, fewer records', () => {
    const a = record();
    const b = record({ id: 'tos000000000000000a2' });
    const bDeactivated = record({ id: 'tos000000000000000a2', status: 'INACTIVE' });
    const pages: Array<[TrustedOriginRecord[], string]> = [
      [[a, b], ORG],
      [[a, b], ORG],
      [[a, bDeactivated], ORG],
      [[a, bDeactivated], OTHER_ORG],
      [[a], OTHER_ORG],
      [[a, b], ORG],
    ];
    for (const [records, orgUrl] of pages) {
      expect(trustedOriginListJson(records, orgUrl)).toBe(JSON.stringify(records.map((r) => serializeTrustedOrigin(r, orgUrl))));
    }
  });
});
