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
