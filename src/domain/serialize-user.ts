import type { UserRecord } from '../store/schemas.js';

/** A user as `/api/v1/users/me` returns it: never the fixture-only password or tokens. */
export function serializeUser(user: UserRecord, orgUrl: string) {
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    type: { id: 'otyokta0mock0default0' },
    profile: {
      firstName: user.profile.firstName,
      lastName: user.profile.lastName,
      mobilePhone: user.profile.mobilePhone,
      secondEmail: user.profile.secondEmail,
      login: user.profile.login,
      email: user.profile.email,
    },
    credentials: { password: {}, provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `${orgUrl}/api/v1/users/${user.id}` } },
  };
}

export function displayName(user: UserRecord): string {
  return `${user.profile.firstName} ${user.profile.lastName}`.trim();
}
