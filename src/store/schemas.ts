import { z } from 'zod';
import { isValidOrigin } from '../domain/origin-url.js';
import { toOktaTimestamp } from '../domain/timestamp.js';
import { OKTA_APPS, SCOPE_TYPES } from '../domain/trusted-origin.js';

/** Stored shapes, checked when records enter the store (fixtures included). */
// Okta keeps whole seconds; fixture times with other precision are normalised to `.000Z`.
const oktaTimestamp = z.iso.datetime({ offset: true }).transform((value) => toOktaTimestamp(new Date(value)));

const trustedOriginId = z.string().regex(/^tos[0-9A-Za-z]{17}$/);
const userId = z.string().regex(/^00u[0-9A-Za-z]{17}$/);

const scopeSchema = z.strictObject({ type: z.enum(SCOPE_TYPES), allowedOktaApps: z.array(z.enum(OKTA_APPS)).optional() });

const trustedOriginShape = {
  id: trustedOriginId,
  name: z.string().min(1).max(255),
  origin: z.string().min(1).max(255),
  scopes: z.array(scopeSchema).min(1).max(3),
  status: z.enum(['ACTIVE', 'INACTIVE']),
  created: oktaTimestamp,
  createdBy: z.string().min(1),
  lastUpdated: oktaTimestamp,
  lastUpdatedBy: z.string().min(1),
};

// The API's rules that span fields. `when` lets them run beside other fields' problems, so a
// fixtures document reports all of its problems in one go.
const originRules = <S extends z.ZodType<{ origin?: unknown; scopes?: unknown }>>(schema: S) =>
  schema.check(
    z.superRefine((record: { origin?: unknown; scopes?: unknown }, ctx) => {
      if (typeof record.origin !== 'string' || !Array.isArray(record.scopes)) return;
      const types = (record.scopes as Array<{ type?: unknown }>).map((s) => s?.type);
      // A wildcard host only with IFRAME_EMBED-only scopes.
      const allowWildcard = types.every((type) => type === 'IFRAME_EMBED');
      if (!isValidOrigin(record.origin, { allowWildcard })) {
        ctx.addIssue({ code: 'custom', path: ['origin'], message: `not a valid origin: ${JSON.stringify(record.origin)}` });
      }
      if (new Set(types).size !== types.length) {
        ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'Each scope type can be used only once' });
      }
    }, { when: () => true }),
  );

export const trustedOriginRecordSchema = originRules(z.object(trustedOriginShape));

/** A trusted origin as people write it in a fixture: only `name`, `origin` and `scopes` are needed. */
export const trustedOriginFixtureSchema = originRules(
  z.strictObject({
    ...trustedOriginShape,
    id: trustedOriginId.optional(),
    status: trustedOriginShape.status.optional(),
    created: oktaTimestamp.optional(),
    createdBy: trustedOriginShape.createdBy.optional(),
    lastUpdated: oktaTimestamp.optional(),
    lastUpdatedBy: trustedOriginShape.lastUpdatedBy.optional(),
  }),
);

const userStatus = z.enum(['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED']);
const profileShape = {
  firstName: z.string(),
  lastName: z.string(),
  mobilePhone: z.string().nullable(),
  secondEmail: z.string().nullable(),
  login: z.string().min(1),
  email: z.string().min(1),
};
const userShape = {
  id: userId,
  status: userStatus,
  created: oktaTimestamp,
  activated: oktaTimestamp.nullable(),
  statusChanged: oktaTimestamp.nullable(),
  lastLogin: oktaTimestamp.nullable(),
  lastUpdated: oktaTimestamp,
  passwordChanged: oktaTimestamp.nullable(),
  /** Fixture-only secrets: never serialized. */
  password: z.string().optional(),
  apiTokens: z.array(z.string().min(1)).default([]),
};

export const userRecordSchema = z.object({ ...userShape, profile: z.object(profileShape) });

/** A user as people write it in a fixture: only `profile.login` is needed. */
export const userFixtureSchema = z.strictObject({
  ...userShape,
  id: userId.optional(),
  status: userStatus.optional(),
  created: oktaTimestamp.optional(),
  activated: oktaTimestamp.nullable().optional(),
  statusChanged: oktaTimestamp.nullable().optional(),
  lastLogin: oktaTimestamp.nullable().optional(),
  lastUpdated: oktaTimestamp.optional(),
  passwordChanged: oktaTimestamp.nullable().optional(),
  profile: z.strictObject({
    ...profileShape,
    firstName: profileShape.firstName.optional(),
    lastName: profileShape.lastName.optional(),
    mobilePhone: profileShape.mobilePhone.optional(),
    secondEmail: profileShape.secondEmail.optional(),
    email: profileShape.email.optional(),
  }),
});

export type UserRecord = z.output<typeof userRecordSchema>;
export type TrustedOriginFixture = z.output<typeof trustedOriginFixtureSchema>;
export type UserFixture = z.output<typeof userFixtureSchema>;

/** A fixtures document as written (one JSON file, or the files of a fixtures directory). */
export const fixturesDocumentSchema = z.strictObject({
  /** Where editors find this document's JSON Schema. */
  $schema: z.string().optional(),
  trustedOrigins: z.array(trustedOriginFixtureSchema).default([]),
  users: z.array(userFixtureSchema).default([]),
});

export type FixturesInput = z.input<typeof fixturesDocumentSchema>;

/** A fixtures document with every default filled in: what the store holds. */
export interface Fixtures {
  trustedOrigins: Array<z.output<typeof trustedOriginRecordSchema>>;
  users: UserRecord[];
}
