import { ID_FORMATS } from '../domain/ids.js';
import { randomString, seededRandom } from '../domain/random.js';
import type { Fixtures, TrustedOriginFixture, UserFixture, UserRecord } from './schemas.js';

/**
 * The time given to fixture records that name none. Fixed, so the same fixtures file always
 * gives the same records; it is the bundled admin's creation time.
 */
export const FIXTURE_TIME = '2017-12-01T00:00:00.000Z';

/** FNV-1a: a stable 32-bit seed from a string. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * An id derived from what makes the record unique in the org (a trusted origin's `origin`,
 * a user's login), so it does not change when records are reordered or added beside it.
 */
export function fixtureId(kind: 'trustedOrigin' | 'user', key: string): string {
  const format = ID_FORMATS[kind];
  return format.prefix + randomString(seededRandom(hash32(`${kind}\0${key}`)), format.alphabet, format.length);
}

export function completeUser(user: UserFixture): UserRecord {
  const { login } = user.profile;
  const created = user.created ?? FIXTURE_TIME;
  const status = user.status ?? 'ACTIVE';
  const active = status !== 'STAGED' && status !== 'PROVISIONED';
  const localPart = login.split('@')[0] || login;
  return {
    id: user.id ?? fixtureId('user', login.toLowerCase()),
    status,
    created,
    activated: user.activated !== undefined ? user.activated : active ? created : null,
    statusChanged: user.statusChanged !== undefined ? user.statusChanged : active ? created : null,
    lastLogin: user.lastLogin ?? null,
    lastUpdated: user.lastUpdated ?? created,
    passwordChanged: user.passwordChanged !== undefined ? user.passwordChanged : user.password !== undefined ? created : null,
    profile: {
      firstName: user.profile.firstName ?? localPart,
      lastName: user.profile.lastName ?? 'User',
      mobilePhone: user.profile.mobilePhone ?? null,
      secondEmail: user.profile.secondEmail ?? null,
      login,
      email: user.profile.email ?? login,
    },
    ...(user.password !== undefined && { password: user.password }),
    apiTokens: user.apiTokens,
  };
}

/** `ownerId` is who created the records that do not say (the org's first user). */
export function completeTrustedOrigin(origin: TrustedOriginFixture, ownerId: string): Fixtures['trustedOrigins'][number] {
  const created = origin.created ?? FIXTURE_TIME;
  const createdBy = origin.createdBy ?? ownerId;
  return {
    id: origin.id ?? fixtureId('trustedOrigin', origin.origin),
    name: origin.name,
    origin: origin.origin,
    scopes: origin.scopes,
    status: origin.status ?? 'ACTIVE',
    created,
    createdBy,
    lastUpdated: origin.lastUpdated ?? created,
    lastUpdatedBy: origin.lastUpdatedBy ?? createdBy,
  };
}
