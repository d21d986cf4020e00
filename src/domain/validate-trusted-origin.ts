import { OktaApiError } from '../errors.js';
import { isValidOrigin } from './origin-url.js';
import {
  OKTA_APPS,
  SCOPE_TYPES,
  type OktaApp,
  type ScopeType,
  type TrustedOriginInput,
  type TrustedOriginScope,
} from './trusted-origin.js';

export const MAX_LENGTH = 255;
export const MAX_SCOPES = 3;

export const VALIDATION_MESSAGES = {
  blank: 'The field cannot be left blank',
  tooLong: `The field cannot be longer than ${MAX_LENGTH} characters`,
  invalidOrigin: 'Origin value is not valid',
  tooManyScopes: `A trusted origin cannot have more than ${MAX_SCOPES} scopes`,
  repeatedScope: 'Each scope type can be used only once',
  appsInvalid: `allowedOktaApps must be a list of: ${OKTA_APPS.join(', ')}`,
  duplicate: 'An object with this field already exists in the current organization',
} as const;

export interface ValidationCause {
  field: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Okta binds JSON to typed fields before it validates them: a value of the
 * wrong JSON type, or a scope type outside the enum, fails binding (E0000003)
 * before any rule runs.
 */
function assertBindable(body: unknown): asserts body is Record<string, unknown> {
  const malformed = () => OktaApiError.of('E0000003');
  if (!isObject(body)) throw malformed();
  for (const field of ['name', 'origin'] as const) {
    const v = body[field];
    if (v !== undefined && v !== null && typeof v !== 'string') throw malformed();
  }
  const scopes = body.scopes;
  if (scopes === undefined || scopes === null) return;
  if (!Array.isArray(scopes)) throw malformed();
  for (const scope of scopes) {
    if (scope === null) continue;
    if (!isObject(scope)) throw malformed();
    const type = scope.type;
    if (type !== undefined && type !== null && !SCOPE_TYPES.includes(type as ScopeType)) throw malformed();
  }
}

function scopeCauses(scopes: unknown[]): ValidationCause[] {
  const causes: ValidationCause[] = [];
  const cause = (message: string) => causes.push({ field: 'scopes', message });
  if (scopes.length > MAX_SCOPES) cause(VALIDATION_MESSAGES.tooManyScopes);
  const seen = new Set<unknown>();
  for (const scope of scopes as Array<Record<string, unknown> | null>) {
    if (scope === null || isBlank(scope.type)) {
      cause(VALIDATION_MESSAGES.blank);
      continue;
    }
    if (seen.has(scope.type)) cause(VALIDATION_MESSAGES.repeatedScope);
    seen.add(scope.type);
    // Okta's spec allows the field on every scope type; only its values are checked.
    const apps = scope.allowedOktaApps;
    if (apps === undefined || apps === null) continue;
    if (!Array.isArray(apps) || apps.some((a) => !OKTA_APPS.includes(a as OktaApp))) cause(VALIDATION_MESSAGES.appsInvalid);
  }
  return causes;
}

/**
 * `allowedOktaApps` means something only for IFRAME_EMBED (which pages may be
 * framed), so only that scope keeps it; CORS and REDIRECT scopes are stored
 * and answered as `{"type": …}`, the only form recorded for them.
 */
function normalizeScopes(scopes: Array<Record<string, unknown>>): TrustedOriginScope[] {
  return scopes.map((s) => {
    const type = s.type as ScopeType;
    return type === 'IFRAME_EMBED' && Array.isArray(s.allowedOktaApps) ? { type, allowedOktaApps: [...(s.allowedOktaApps as OktaApp[])] } : { type };
  });
}

/**
 * Checks the writable fields of a POST or PUT body. Everything else in the
 * body (id, status, dates, `_links`, unknown keys) is ignored, as Okta does.
 * Throws E0000003 for a body that cannot be bound and E0000001 listing every
 * broken rule; uniqueness needs the store and is checked by the caller.
 */
export function validateTrustedOriginInput(body: unknown): TrustedOriginInput {
  assertBindable(body);
  const causes: ValidationCause[] = [];
  const { name, origin, scopes } = body;

  if (isBlank(name)) causes.push({ field: 'name', message: VALIDATION_MESSAGES.blank });
  else if ((name as string).length > MAX_LENGTH) causes.push({ field: 'name', message: VALIDATION_MESSAGES.tooLong });

  const scopeList = Array.isArray(scopes) ? scopes : [];
  // A wildcard host only makes sense for iframe embedding; CORS and redirects need exact origins.
  const iframeOnly = scopeList.length > 0 && scopeList.every((s) => isObject(s) && s.type === 'IFRAME_EMBED');
  if (isBlank(origin)) causes.push({ field: 'origin', message: VALIDATION_MESSAGES.blank });
  else if ((origin as string).length > MAX_LENGTH) causes.push({ field: 'origin', message: VALIDATION_MESSAGES.tooLong });
  else if (!isValidOrigin(origin as string, { allowWildcard: iframeOnly })) {
    causes.push({ field: 'origin', message: VALIDATION_MESSAGES.invalidOrigin });
  }

  if (scopeList.length === 0) causes.push({ field: 'scopes', message: VALIDATION_MESSAGES.blank });
  else causes.push(...scopeCauses(scopeList));

  if (causes.length > 0) throw OktaApiError.validation(causes);
  return {
    name: name as string,
    origin: origin as string,
    scopes: normalizeScopes(scopeList as Array<Record<string, unknown>>),
  };
}
