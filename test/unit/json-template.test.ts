import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringInner, jsonTemplate, marker, templateFiller } from '../../src/domain/json-template.js';
import { serializeTrustedOrigin, trustedOriginJson, trustedOriginListJson } from '../../src/domain/serialize-trusted-origin.js';
import { named } from './table.js';
import { recordedTrustedOrigin } from '../support/fixture-records.js';

/** Any UTF-16 code unit, lone surrogates included (fast-check's own units give whole code points only). */
const anyText = (maxLength?: number) => fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength });

describe('jsonStringInner', () => {
  const cases = [
    { name: 'plain ASCII', input: 'https://example.com:8080' },
    { name: 'empty', input: '' },
    { name: 'a quote and a backslash', input: 'a"b\\c' },
    { name: 'control characters', input: '\u0000\u0001\t\n\r\u001f' },
    { name: 'DEL and Latin-1 (not escaped)', input: '\u007f\u00e9\u00ff' },
    { name: 'line and paragraph separators (not escaped)', input: '\u2028\u2029' },
    { name: 'a surrogate pair', input: 'x\ud83d\ude00y' },
    { name: 'a lone high surrogate', input: 'x\ud800y' },
    { name: 'a lone low surrogate', input: 'x\udc00' },
    { name: 'a marker-like text', input: '@@id@@' },
  ];

  it.each(named(cases))('gives JSON.stringify’s bytes for %s', (_name, { input }) => {
    expect(jsonStringInner(input)).toBe(JSON.stringify(input).slice(1, -1));
  });

  it('gives JSON.stringify’s bytes for any string', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        expect(`"${jsonStringInner(text)}"`).toBe(JSON.stringify(text));
      }),
    );
  });
});

describe('jsonTemplate', () => {
  const cases = [
    {
      name: 'a whole value and text inside a string',
      shape: { id: marker('id'), href: `${marker('org')}/x/${marker('id')}`, n: 1 },
      texts: ['{"id":', ',"href":"', '/x/', '","n":1}'],
      slots: [
        { kind: 'value', name: 'id' },
        { kind: 'inner', name: 'org' },
        { kind: 'inner', name: 'id' },
      ],
    },
    { name: 'no marker', shape: { a: 'b' }, texts: ['{"a":"b"}'], slots: [] },
    { name: 'a marker first and last', shape: [marker('a'), marker('b')], texts: ['[', ',', ']'], slots: [{ kind: 'value', name: 'a' }, { kind: 'value', name: 'b' }] },
  ];

  it.each(named(cases))('splits %s', (_name, { shape, texts, slots }) => {
    expect(jsonTemplate(JSON.stringify(shape))).toEqual({ texts, slots });
  });

  it('fills json slots as given and escapes text slots, inside a string or as a whole value', () => {
    const template = jsonTemplate(JSON.stringify({ id: marker('id'), name: marker('name'), href: `${marker('org')}/x` }));
    const fill = templateFiller<string, string>(template, (slot) =>
      slot.name === 'id' ? { json: (a) => a } : { text: (a, b) => (slot.name === 'name' ? `${a}${b}` : b) },
    );
    expect(fill.fill('[1]', 'a"b')).toBe(JSON.stringify({ id: [1], name: '[1]a"b', href: 'a"b/x' }));
    expect(fill.fill('{"n":2}', 'c\\d')).toBe(JSON.stringify({ id: { n: 2 }, name: '{"n":2}c\\d', href: 'c\\d/x' }));
    expect(fill.fill('0', '')).toBe(JSON.stringify({ id: 0, name: '0', href: '/x' }));
  });

  it('fills several values into one array of parts, in order', () => {
    const fill = templateFiller<string, string>(jsonTemplate(JSON.stringify({ v: marker('v') })), () => ({ text: (a) => a }));
    const parts: string[] = ['['];
    fill.fillInto(parts, 'a', '');
    parts.push(',');
    fill.fillInto(parts, 'b\n', '');
    parts.push(']');
    expect(parts.join('')).toBe(JSON.stringify([{ v: 'a' }, { v: 'b\n' }]));
  });

  it('refuses a json reader for a slot inside a string, which would go in unescaped', () => {
    expect(() => templateFiller(jsonTemplate(JSON.stringify({ href: `${marker('org')}/x` })), () => ({ json: () => '' }))).toThrow(/inside a string/);
  });
});

describe('trustedOriginJson from its template', () => {
  const scope = fc.oneof(
    fc.record({ type: fc.constantFrom('CORS' as const, 'REDIRECT' as const, 'IFRAME_EMBED' as const) }),
    fc.boolean().map((endUser) => ({ type: 'IFRAME_EMBED' as const, allowedOktaApps: endUser ? ['OKTA_ENDUSER' as const] : [] })),
  );
  const text = anyText(30);

  it('gives the bytes of JSON.stringify(serializeTrustedOrigin()) for any record and org URL', () => {
    fc.assert(
      fc.property(
        fc.record({ id: text, name: text, origin: text, created: text, createdBy: text, lastUpdated: text, lastUpdatedBy: text }),
        fc.constantFrom('ACTIVE' as const, 'INACTIVE' as const),
        fc.array(scope, { maxLength: 3 }),
        text,
        (fields, status, scopes, orgUrl) => {
          const record = recordedTrustedOrigin({ ...fields, status, scopes });
          expect(trustedOriginJson(record, orgUrl)).toBe(JSON.stringify(serializeTrustedOrigin(record, orgUrl)));
        },
      ),
    );
  });

  it('gives the bytes of JSON.stringify for any list, where fields repeat from record to record or not', () => {
    // A small pool of texts, some needing escapes, so that neighbouring records often share a field (the filler keeps the last escape).
    const pooled = fc.oneof(fc.constantFrom('a', 'a"b', '\\', '\ud800', ''), text);
    const listed = fc.record({ id: pooled, name: pooled, origin: pooled, created: pooled, createdBy: pooled, lastUpdated: pooled, lastUpdatedBy: pooled });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(listed, fc.constantFrom('ACTIVE' as const, 'INACTIVE' as const), fc.array(scope, { maxLength: 3 })), { maxLength: 6 }),
        fc.constantFrom('https://x.okta.com', 'http://a"b'),
        (rows, orgUrl) => {
          const records = rows.map(([fields, status, scopes]) => recordedTrustedOrigin({ ...fields, status, scopes }));
          expect(trustedOriginListJson(records, orgUrl)).toBe(JSON.stringify(records.map((record) => serializeTrustedOrigin(record, orgUrl))));
        },
      ),
    );
  });
});
