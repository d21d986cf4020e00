import { z } from 'zod';
import { isValidOrigin } from '../domain/origin-url.js';
import { toOktaTimestamp } from '../domain/timestamp.js';
import { OKTA_APPS, SCOPE_TYPES } from '../domain/trusted-origin.js';

/** Stored shapes, checked when records enter the store (fixtures included). */
// Okta keeps whole seconds; fixture times with other precision are normalised to `.000Z`.
const oktaTimestamp = z.iso.datetime({ offset: true }).transform((value) => toOktaTimestamp(new Date(value)));

export const trustedOriginRecordSchema = z.object({
  id: z.string().regex(/^tos[0-9A-Za-z]{17}$/),
  name: z.string().min(1).max(255),
  origin: z.string().min(1).max(255),
  scopes: z
    .array(z.object({ type: z.enum(SCOPE_TYPES), allowedOktaApps: z.array(z.enum(OKTA_APPS)).optional() }))
    .min(1)
    .max(3),
  status: z.enum(['ACTIVE', 'INACTIVE']),
  created: oktaTimestamp,
  createdBy: z.string().min(1),
  lastUpdated: oktaTimestamp,
  lastUpdatedBy: z.string().min(1),
}).superRefine((record, ctx) => {
  // The API's rule: a wildcard host only with IFRAME_EMBED-only scopes.
  const allowWildcard = record.scopes.every((s) => s.type === 'IFRAME_EMBED');
  if (!isValidOrigin(record.origin, { allowWildcard })) {
    ctx.addIssue({ code: 'custom', path: ['origin'], message: `not a valid origin: ${JSON.stringify(record.origin)}` });
  }
  if (new Set(record.scopes.map((s) => s.type)).size !== record.scopes.length) {
    ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'Each scope type can be used only once' });
  }
});

export const userRecordSchema = z.object({
  id: z.string().regex(/^00u[0-9A-Za-z]{17}$/),
  status: z.enum(['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED']),
  created: oktaTimestamp,
  activated: oktaTimestamp.nullable(),
  statusChanged: oktaTimestamp.nullable(),
  lastLogin: oktaTimestamp.nullable(),
  lastUpdated: oktaTimestamp,
  passwordChanged: oktaTimestamp.nullable(),
  profile: z.object({
    firstName: z.string(),
    lastName: z.string(),
    mobilePhone: z.string().nullable(),
    secondEmail: z.string().nullable(),
    login: z.string().min(1),
    email: z.string().min(1),
  }),
  /** Fixture-only secrets: never serialized. */
  password: z.string().optional(),
  apiTokens: z.array(z.string().min(1)).default([]),
});

export type UserRecord = z.output<typeof userRecordSchema>;

export const fixturesSchema = z.object({
  trustedOrigins: z.array(trustedOriginRecordSchema).default([]),
  users: z.array(userRecordSchema).default([]),
});

export type Fixtures = z.output<typeof fixturesSchema>;
export type FixturesInput = z.input<typeof fixturesSchema>;
