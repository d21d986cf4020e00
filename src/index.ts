/** The environment-neutral API: no `node:*` imports anywhere below this file. */
export { createApp, type CreateAppOptions, type OktaMockApp } from './app.js';
export { OrgStore, createStore } from './store/org-store.js';
export { parseFixtures, parseFixtureDocument, FixtureError, type FixtureProblem, type ParsedFixtures } from './store/fixtures.js';
export type { Fixtures, FixturesInput, UserRecord } from './store/schemas.js';
export type { TrustedOriginRecord, TrustedOriginScope, TrustedOriginInput } from './domain/trusted-origin.js';
export type { TrustedOriginWire } from './domain/serialize-trusted-origin.js';
export { OktaApiError, ERROR_CATALOGUE, type ErrorCode, type OktaErrorBody } from './errors.js';
export { createOrg, type Org, type OrgOptions } from './org.js';
export type { OrgOperations } from './org-operations.js';
export { TrustOptionError } from './domain/trust-at-start.js';
export { DEFAULT_FIXTURES } from './default-fixtures.js';
export { FaultRules, FaultRuleError, type FaultRule, type FaultRuleInput, type FaultRulesHandle } from './faults.js';
