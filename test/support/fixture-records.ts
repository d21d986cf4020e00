import type { TrustedOriginRecord } from '../../src/domain/trusted-origin.js';

/** A fixture user record (the stored shape, before parsing), for tests that write their own fixtures. */
export const fixtureUser = (over: Record<string, unknown> = {}) => ({
  id: '00ut5t92p6IEOi4bu0g3',
  status: 'ACTIVE',
  created: '2017-12-01T00:00:00.000Z',
  activated: null,
  statusChanged: null,
  lastLogin: null,
  lastUpdated: '2017-12-01T00:00:00.000Z',
  passwordChanged: null,
  profile: { firstName: 'Okta', lastName: 'Admin', mobilePhone: null, secondEmail: null, login: 'a@example.com', email: 'a@example.com' },
  ...over,
});

/** A stored trusted-origin record, as Terraform's recorded traffic shows one, for serializer tests. */
export const recordedTrustedOrigin = (over: Partial<TrustedOriginRecord> = {}): TrustedOriginRecord => ({
  id: 'toskwr6z71zZ7zxl01d7',
  name: 'testAcc-3481107385',
  origin: 'https://example-3481107385.com',
  scopes: [{ type: 'CORS' }],
  status: 'ACTIVE',
  created: '2025-03-13T23:43:59.000Z',
  createdBy: '00u5qwjvk7u6E1DFG1d7',
  lastUpdated: '2025-03-13T23:43:59.000Z',
  lastUpdatedBy: '00u5qwjvk7u6E1DFG1d7',
  ...over,
});
