import { describe, expect, it } from 'vitest';
import { named } from './table.js';
import { serializeAuthnSuccess, serializeSession } from '../../src/domain/serialize-session.js';
import { displayName, serializeUser } from '../../src/domain/serialize-user.js';
import type { UserRecord } from '../../src/store/schemas.js';
import type { SessionRecord, SessionTokenRecord } from '../../src/store/session-store.js';

const ORG = 'https://test.okta.com';

const user = (over: Partial<UserRecord> = {}): UserRecord => ({
  id: '00uq9re9mup35oXfu1d7',
  status: 'ACTIVE',
  created: '2025-09-22T07:01:26.000Z',
  activated: '2025-09-22T07:01:27.000Z',
  statusChanged: '2025-09-22T07:01:27.000Z',
  lastLogin: null,
  lastUpdated: '2025-09-22T07:01:27.000Z',
  passwordChanged: '2025-09-22T07:01:27.000Z',
  profile: {
    firstName: 'SessionTest',
    lastName: 'User1758524488',
    mobilePhone: null,
    secondEmail: null,
    login: 'sessiontest.user1758524488@example.com',
    email: 'sessiontest.user1758524488@example.com',
  },
  password: 'secret-password',
  apiTokens: ['secret-token'],
  ...over,
});

const session: SessionRecord = {
  id: '102etAqRbcPRXGtoDMIRXgWOQ',
  userId: '00uq9re9mup35oXfu1d7',
  login: 'sessiontest.user1758524488@example.com',
  createdAt: '2025-09-22T07:01:28.000Z',
  expiresAt: '2025-09-22T09:01:28.000Z',
  lastPasswordVerification: '2025-09-22T07:01:28.000Z',
};

const token: SessionTokenRecord = {
  token: '20111q-SBT-lEXP4UMRiigD6MdG7KWCce1ZlG9vbksZc7z-Q23GONOk',
  userId: '00uq9re9mup35oXfu1d7',
  expiresAt: '2025-09-22T07:06:28.000Z',
};

describe('serializeSession', () => {
  it('puts the session keys in the order real orgs send them', () => {
    expect(Object.keys(serializeSession(session, user(), ORG))).toEqual([
      'id',
      'userId',
      'login',
      'createdAt',
      'expiresAt',
      'status',
      'lastPasswordVerification',
      'lastFactorVerification',
      'amr',
      'idp',
      'mfaActive',
      '_links',
    ]);
  });

  it('matches the recorded 2025 session body apart from the org-specific idp id and mfaActive', () => {
    const recorded = JSON.parse(
      '{"id":"102etAqRbcPRXGtoDMIRXgWOQ","userId":"00uq9re9mup35oXfu1d7","login":"sessiontest.user1758524488@example.com","createdAt":"2025-09-22T07:01:28.000Z","expiresAt":"2025-09-22T09:01:28.000Z","status":"ACTIVE","lastPasswordVerification":"2025-09-22T07:01:28.000Z","lastFactorVerification":null,"amr":["pwd"],"idp":{"id":"00onkw1sbuAh3Q06I1d7","type":"OKTA"},"mfaActive":true,"_links":{"self":{"href":"https://test.okta.com/api/v1/sessions/me","hints":{"allow":["GET","DELETE"]}},"refresh":{"href":"https://test.okta.com/api/v1/sessions/me/lifecycle/refresh","hints":{"allow":["POST"]}},"user":{"name":"SessionTest User1758524488","href":"https://test.okta.com/api/v1/users/me","hints":{"allow":["GET"]}}}}',
    );
    const ours = serializeSession(session, user(), ORG);
    expect({ ...ours, idp: { ...ours.idp, id: recorded.idp.id }, mfaActive: recorded.mfaActive }).toEqual(recorded);
    expect(JSON.stringify(Object.keys(ours))).toBe(JSON.stringify(Object.keys(recorded)));
  });

  const linkCases = [
    { name: 'links self to /api/v1/sessions/me with GET and DELETE', input: 'self', expected: { href: `${ORG}/api/v1/sessions/me`, hints: { allow: ['GET', 'DELETE'] } } },
    { name: 'links refresh to the refresh lifecycle with POST', input: 'refresh', expected: { href: `${ORG}/api/v1/sessions/me/lifecycle/refresh`, hints: { allow: ['POST'] } } },
    { name: 'links user to /api/v1/users/me with the display name and GET', input: 'user', expected: { name: 'SessionTest User1758524488', href: `${ORG}/api/v1/users/me`, hints: { allow: ['GET'] } } },
  ] as const;

  it.each(named(linkCases))('%s', (_name, { input, expected }) => {
    expect(serializeSession(session, user(), ORG)._links[input]).toEqual(expected);
  });

  it('builds links from the org URL it is given', () => {
    const links = serializeSession(session, user(), 'http://127.0.0.1:7777')._links;
    expect(links.self.href).toBe('http://127.0.0.1:7777/api/v1/sessions/me');
  });
});

describe('serializeAuthnSuccess', () => {
  it('matches the recorded 2025 authn success body byte for byte', () => {
    const recorded =
      '{"expiresAt":"2025-09-22T07:06:28.000Z","status":"SUCCESS","sessionToken":"20111q-SBT-lEXP4UMRiigD6MdG7KWCce1ZlG9vbksZc7z-Q23GONOk","_embedded":{"user":{"id":"00uq9re9mup35oXfu1d7","passwordChanged":"2025-09-22T07:01:27.000Z","profile":{"login":"sessiontest.user1758524488@example.com","firstName":"SessionTest","lastName":"User1758524488","locale":"en_US","timeZone":"America/Los_Angeles"}}},"_links":{"cancel":{"href":"https://test.okta.com/api/v1/authn/cancel","hints":{"allow":["POST"]}}}}';
    expect(JSON.stringify(serializeAuthnSuccess(token, user(), ORG))).toBe(recorded);
  });

  it('never leaks the password or API tokens', () => {
    const text = JSON.stringify(serializeAuthnSuccess(token, user(), ORG));
    expect(text).not.toContain('secret-password');
    expect(text).not.toContain('secret-token');
  });
});

describe('serializeUser', () => {
  it('never leaks the fixture password or API tokens', () => {
    const body = serializeUser(user(), ORG);
    expect(Object.keys(body)).not.toContain('password');
    expect(Object.keys(body)).not.toContain('apiTokens');
    expect(JSON.stringify(body)).not.toMatch(/secret-password|secret-token/);
  });

  it('matches the recorded create-user body shape apart from realmId and the type id', () => {
    const body = serializeUser(user(), ORG);
    expect(Object.keys(body)).toEqual([
      'id', 'status', 'created', 'activated', 'statusChanged', 'lastLogin', 'lastUpdated', 'passwordChanged', 'type', 'profile', 'credentials', '_links',
    ]);
    expect(body.credentials).toEqual({ password: {}, provider: { type: 'OKTA', name: 'OKTA' } });
    expect(body._links).toEqual({ self: { href: `${ORG}/api/v1/users/00uq9re9mup35oXfu1d7` } });
  });

  const nameCases = [
    { name: 'joins first and last name with a space', input: { firstName: 'Okta', lastName: 'Admin' }, expected: 'Okta Admin' },
    { name: 'drops the space when the last name is empty', input: { firstName: 'Okta', lastName: '' }, expected: 'Okta' },
    { name: 'drops the space when the first name is empty', input: { firstName: '', lastName: 'Admin' }, expected: 'Admin' },
  ];

  it.each(named(nameCases))('displayName %s', (_name, { input, expected }) => {
    expect(displayName(user({ profile: { ...user().profile, ...input } }))).toBe(expected);
  });
});
