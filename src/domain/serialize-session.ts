import type { UserRecord } from '../store/schemas.js';
import type { SessionRecord, SessionTokenRecord } from '../store/session-store.js';
import { displayName } from './serialize-user.js';

/** The session object of `/api/v1/sessions/me`, keys in the order real orgs send them. */
export function serializeSession(session: SessionRecord, user: UserRecord, orgUrl: string) {
  return {
    id: session.id,
    userId: session.userId,
    login: session.login,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    status: 'ACTIVE',
    lastPasswordVerification: session.lastPasswordVerification,
    lastFactorVerification: null,
    amr: ['pwd'],
    idp: { id: '00ookta0mock0default0', type: 'OKTA' },
    mfaActive: false,
    _links: {
      self: { href: `${orgUrl}/api/v1/sessions/me`, hints: { allow: ['GET', 'DELETE'] } },
      refresh: { href: `${orgUrl}/api/v1/sessions/me/lifecycle/refresh`, hints: { allow: ['POST'] } },
      user: { name: displayName(user), href: `${orgUrl}/api/v1/users/me`, hints: { allow: ['GET'] } },
    },
  };
}

/** A successful primary authentication: the one-time session token and the user it is for. */
export function serializeAuthnSuccess(token: SessionTokenRecord, user: UserRecord, orgUrl: string) {
  return {
    expiresAt: token.expiresAt,
    status: 'SUCCESS',
    sessionToken: token.token,
    _embedded: {
      user: {
        id: user.id,
        passwordChanged: user.passwordChanged,
        profile: {
          login: user.profile.login,
          firstName: user.profile.firstName,
          lastName: user.profile.lastName,
          locale: 'en_US',
          timeZone: 'America/Los_Angeles',
        },
      },
    },
    _links: { cancel: { href: `${orgUrl}/api/v1/authn/cancel`, hints: { allow: ['POST'] } } },
  };
}
