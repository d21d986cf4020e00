import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { isValidOrigin } from '../domain/origin-url.js';
import { toOktaTimestamp } from '../domain/timestamp.js';
import { OKTA_APPS, SCOPE_TYPES } from '../domain/trusted-origin.js';

/**
 * Stored shapes, checked when records enter the store (fixtures included).
 *
 * zod/mini rather than zod's chained API: the same checks and messages, but a
 * bundle carries only the parts these schemas use. Classic zod was most of what
 * `import('okta-mock/msw')` cost over msw's own import.
 */
// zod/mini has no messages of its own; fixture errors read in zod's English.
z.config(en());

// Okta keeps whole seconds; fixture times with other precision are normalised to `.000Z`.
const oktaTimestamp = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((value: string) => toOktaTimestamp(new Date(value))),
);

const trustedOriginId = z.string().check(z.regex(/^tos[0-9A-Za-z]{17}$/));
const userId = z.string().check(z.regex(/^00u[0-9A-Za-z]{17}$/));

const scopeSchema = z.strictObject({ type: z.enum(SCOPE_TYPES), allowedOktaApps: z.optional(z.array(z.enum(OKTA_APPS))) });

const trustedOriginShape = {
  id: trustedOriginId,
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  origin: z.string().check(z.minLength(1), z.maxLength(255)),
  scopes: z.array(scopeSchema).check(z.minLength(1), z.maxLength(3)),
  status: z.enum(['ACTIVE', 'INACTIVE']),
  created: oktaTimestamp,
  createdBy: z.string().check(z.minLength(1)),
  lastUpdated: oktaTimestamp,
  lastUpdatedBy: z.string().check(z.minLength(1)),
};

// The API's rules that span fields. `when` lets them run beside other fields' problems, so a
// fixtures document reports all of its problems in one go.
const originRules = <S extends z.ZodMiniType<{ origin?: unknown; scopes?: unknown }>>(schema: S) =>
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
    id: z.optional(trustedOriginId),
    status: z.optional(trustedOriginShape.status),
    created: z.optional(oktaTimestamp),
    createdBy: z.optional(trustedOriginShape.createdBy),
    lastUpdated: z.optional(oktaTimestamp),
    lastUpdatedBy: z.optional(trustedOriginShape.lastUpdatedBy),
  }),
);

const userStatus = z.enum(['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED']);
const profileShape = {
  firstName: z.string(),
  lastName: z.string(),
  mobilePhone: z.nullable(z.string()),
  secondEmail: z.nullable(z.string()),
  login: z.string().check(z.minLength(1)),
  email: z.string().check(z.minLength(1)),
};
const userShape = {
  id: userId,
  status: userStatus,
  created: oktaTimestamp,
  activated: z.nullable(oktaTimestamp),
  statusChanged: z.nullable(oktaTimestamp),
  lastLogin: z.nullable(oktaTimestamp),
  lastUpdated: oktaTimestamp,
  passwordChanged: z.nullable(oktaTimestamp),
  /** Fixture-only secrets: never serialized. */
  password: z.optional(z.string()),
  apiTokens: z._default(z.array(z.string().check(z.minLength(1))), []),
};

export const userRecordSchema = z.object({ ...userShape, profile: z.object(profileShape) });

/** A user as people write it in a fixture: only `profile.login` is needed. */
export const userFixtureSchema = z.strictObject({
  ...userShape,
  id: z.optional(userId),
  status: z.optional(userStatus),
  created: z.optional(oktaTimestamp),
  activated: z.optional(z.nullable(oktaTimestamp)),
  statusChanged: z.optional(z.nullable(oktaTimestamp)),
  lastLogin: z.optional(z.nullable(oktaTimestamp)),
  lastUpdated: z.optional(oktaTimestamp),
  passwordChanged: z.optional(z.nullable(oktaTimestamp)),
  profile: z.strictObject({
    ...profileShape,
    firstName: z.optional(profileShape.firstName),
    lastName: z.optional(profileShape.lastName),
    mobilePhone: z.optional(profileShape.mobilePhone),
    secondEmail: z.optional(profileShape.secondEmail),
    email: z.optional(profileShape.email),
  }),
});

export type UserRecord = z.output<typeof userRecordSchema>;
export type TrustedOriginFixture = z.output<typeof trustedOriginFixtureSchema>;
export type UserFixture = z.output<typeof userFixtureSchema>;

/** A fixtures document as written (one JSON file, or the files of a fixtures directory). */
export const fixturesDocumentSchema = z.strictObject({
  /** Where editors find this document's JSON Schema. */
  $schema: z.optional(z.string()),
  trustedOrigins: z._default(z.array(trustedOriginFixtureSchema), []),
  users: z._default(z.array(userFixtureSchema), []),
});

export type FixturesInput = z.input<typeof fixturesDocumentSchema>;

/** A fixtures document with every default filled in: what the store holds. */
export interface Fixtures {
  trustedOrigins: Array<z.output<typeof trustedOriginRecordSchema>>;
  users: UserRecord[];
}
