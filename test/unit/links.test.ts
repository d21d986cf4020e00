import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { trustedOriginHref, trustedOriginLinks } from '../../src/domain/links.js';

const ORG = 'https://dev-123.example.com';
const ID = 'tosue7JvguwJ7U6kz0g3';
const SELF = `${ORG}/api/v1/trustedOrigins/${ID}`;

describe('trustedOriginLinks', () => {
  const cases = [
    {
      name: 'gives an ACTIVE origin self then deactivate, in that key order',
      input: 'ACTIVE' as const,
      expected: {
        keys: ['self', 'deactivate'],
        body: {
          self: { href: SELF, hints: { allow: ['GET', 'PUT', 'DELETE'] } },
          deactivate: { href: `${SELF}/lifecycle/deactivate`, hints: { allow: ['POST'] } },
        },
      },
    },
    {
      name: 'gives an INACTIVE origin activate then self, in that key order',
      input: 'INACTIVE' as const,
      expected: {
        keys: ['activate', 'self'],
        body: {
          activate: { href: `${SELF}/lifecycle/activate`, hints: { allow: ['POST'] } },
          self: { href: SELF, hints: { allow: ['GET', 'PUT', 'DELETE'] } },
        },
      },
    },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const links = trustedOriginLinks(ORG, ID, input);
    expect(Object.keys(links)).toEqual(expected.keys);
    expect(links).toEqual(expected.body);
  });

  it('matches the _links of a recorded ACTIVE response byte for byte', () => {
    const recorded =
      '{"self":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7","hints":{"allow":["GET","PUT","DELETE"]}},"deactivate":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7/lifecycle/deactivate","hints":{"allow":["POST"]}}}';
    expect(JSON.stringify(trustedOriginLinks('https://oie-00.dne-okta.com', 'toskwr6z71zZ7zxl01d7', 'ACTIVE'))).toBe(recorded);
  });

  it('matches the _links of a recorded INACTIVE response byte for byte', () => {
    const recorded =
      '{"activate":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7/lifecycle/activate","hints":{"allow":["POST"]}},"self":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7","hints":{"allow":["GET","PUT","DELETE"]}}}';
    expect(JSON.stringify(trustedOriginLinks('https://oie-00.dne-okta.com', 'toskwr6z71zZ7zxl01d7', 'INACTIVE'))).toBe(recorded);
  });

  it('does not share the allow arrays between calls, so mutating one response cannot change another', () => {
    const a = trustedOriginLinks(ORG, ID, 'ACTIVE');
    a.self.hints.allow.push('POST');
    expect(trustedOriginLinks(ORG, ID, 'ACTIVE').self.hints.allow).toEqual(['GET', 'PUT', 'DELETE']);
  });
});

describe('trustedOriginHref', () => {
  const cases = [
    { name: 'builds an absolute href on the org URL', input: { org: ORG, id: ID }, expected: SELF },
    { name: 'keeps the port of the org URL the request came in on', input: { org: 'http://localhost:8080', id: ID }, expected: `http://localhost:8080/api/v1/trustedOrigins/${ID}` },
  ];

  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const href = trustedOriginHref(input.org, input.id);
    expect(href).toBe(expected);
    expect(new URL(href).href).toBe(expected);
  });
});
