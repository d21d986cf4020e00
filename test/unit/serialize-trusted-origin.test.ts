import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { serializeTrustedOrigin } from '../../src/domain/serialize-trusted-origin.js';
import type { TrustedOriginRecord } from '../../src/domain/trusted-origin.js';
import { recordedTrustedOrigin } from '../support/fixture-records.js';

const ORG = 'https://oie-00.dne-okta.com';

const record = recordedTrustedOrigin;

const KEYS = ['id', 'name', 'origin', 'scopes', 'status', 'created', 'createdBy', 'lastUpdated', 'lastUpdatedBy', '_links'];

describe('serializeTrustedOrigin', () => {
  const orderCases = [
    { name: 'puts the keys of an ACTIVE origin in Okta order', input: record(), expected: KEYS },
    { name: 'puts the keys of an INACTIVE origin in Okta order', input: record({ status: 'INACTIVE' }), expected: KEYS },
    {
      name: 'keeps Okta key order even when the stored record has its keys in another order',
      input: Object.fromEntries(Object.entries(record()).reverse()) as unknown as TrustedOriginRecord,
      expected: KEYS,
    },
  ];

  it.each(named(orderCases))('%s', (_name, { input, expected }) => {
    expect(Object.keys(serializeTrustedOrigin(input, ORG))).toEqual(expected);
  });

  it('reproduces a recorded ACTIVE Okta response byte for byte', () => {
    const recorded =
      '{"id":"toskwr6z71zZ7zxl01d7","name":"testAcc-3481107385","origin":"https://example-3481107385.com","scopes":[{"type":"CORS"}],"status":"ACTIVE","created":"2025-03-13T23:43:59.000Z","createdBy":"00u5qwjvk7u6E1DFG1d7","lastUpdated":"2025-03-13T23:43:59.000Z","lastUpdatedBy":"00u5qwjvk7u6E1DFG1d7","_links":{"self":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7","hints":{"allow":["GET","PUT","DELETE"]}},"deactivate":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7/lifecycle/deactivate","hints":{"allow":["POST"]}}}}';
    expect(JSON.stringify(serializeTrustedOrigin(record(), ORG))).toBe(recorded);
  });

  it('reproduces a recorded INACTIVE Okta response byte for byte', () => {
    const recorded =
      '{"id":"toskwr6z71zZ7zxl01d7","name":"testAcc-3481107385","origin":"https://example-3481107385.com","scopes":[{"type":"CORS"}],"status":"INACTIVE","created":"2025-03-13T23:43:59.000Z","createdBy":"00u5qwjvk7u6E1DFG1d7","lastUpdated":"2025-03-13T23:44:00.000Z","lastUpdatedBy":"00u5qwjvk7u6E1DFG1d7","_links":{"activate":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7/lifecycle/activate","hints":{"allow":["POST"]}},"self":{"href":"https://oie-00.dne-okta.com/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7","hints":{"allow":["GET","PUT","DELETE"]}}}}';
    const input = record({ status: 'INACTIVE', lastUpdated: '2025-03-13T23:44:00.000Z' });
    expect(JSON.stringify(serializeTrustedOrigin(input, ORG))).toBe(recorded);
  });

  const scopeCases: Array<{ name: string; input: TrustedOriginRecord['scopes']; expected: string }> = [
    { name: 'writes a CORS scope as just {type}', input: [{ type: 'CORS' }], expected: '[{"type":"CORS"}]' },
    { name: 'writes a REDIRECT scope as just {type}', input: [{ type: 'REDIRECT' }], expected: '[{"type":"REDIRECT"}]' },
    { name: 'writes an IFRAME_EMBED scope without allowedOktaApps as just {type}', input: [{ type: 'IFRAME_EMBED' }], expected: '[{"type":"IFRAME_EMBED"}]' },
    {
      name: 'writes an IFRAME_EMBED scope with its allowedOktaApps after type',
      input: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }],
      expected: '[{"type":"IFRAME_EMBED","allowedOktaApps":["OKTA_ENDUSER"]}]',
    },
    {
      name: 'keeps scopes in stored order',
      input: [{ type: 'REDIRECT' }, { type: 'CORS' }],
      expected: '[{"type":"REDIRECT"},{"type":"CORS"}]',
    },
  ];

  it.each(named(scopeCases))('%s', (_name, { input, expected }) => {
    expect(JSON.stringify(serializeTrustedOrigin(record({ scopes: input }), ORG).scopes)).toBe(expected);
  });

  it('does not let a caller mutate the stored scopes through the response', () => {
    const stored = record({ scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] });
    const wire = serializeTrustedOrigin(stored, ORG);
    wire.scopes[0]!.allowedOktaApps!.pop();
    wire.scopes.push({ type: 'CORS' });
    expect(stored.scopes).toEqual([{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }]);
  });

  it('builds absolute _links from the org URL it is given', () => {
    const wire = serializeTrustedOrigin(record(), 'http://127.0.0.1:4010');
    expect(wire._links).toMatchObject({ self: { href: 'http://127.0.0.1:4010/api/v1/trustedOrigins/toskwr6z71zZ7zxl01d7' } });
  });

  it('drops fields that are not part of the wire shape', () => {
    const input = { ...record(), password: 'secret', extra: 1 } as TrustedOriginRecord;
    expect(Object.keys(serializeTrustedOrigin(input, ORG))).toEqual(KEYS);
  });
});
