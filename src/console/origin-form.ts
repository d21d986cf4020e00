import type { ErrorCause } from '../errors.js';
import type { LifecycleStatus, ScopeType, TrustedOriginRecord, TrustedOriginScope } from '../domain/trusted-origin.js';

/**
 * The Add Origin / Edit form as data: what was typed, the API body it stands
 * for, and where each of the API's validation causes is shown. Pure, so the
 * page module only renders and the API alone decides what is valid.
 */
export interface OriginFormValues {
  name: string;
  origin: string;
  cors: boolean;
  redirect: boolean;
  iframe: boolean;
  /** "Allow iFrame embedding of the Okta End-User Dashboard": `allowedOktaApps: ["OKTA_ENDUSER"]` on the IFRAME_EMBED scope. */
  endUserDashboard: boolean;
}

/** The Admin Console's words for each scope type, in the order the form and the API list them. */
export const SCOPE_WORDS: ReadonlyArray<{ type: ScopeType; word: string; box: 'cors' | 'redirect' | 'iframe' }> = [
  { type: 'CORS', word: 'CORS', box: 'cors' },
  { type: 'REDIRECT', word: 'Redirect', box: 'redirect' },
  { type: 'IFRAME_EMBED', word: 'iFrame embed', box: 'iframe' },
];

export const END_USER_DASHBOARD_WORDS = 'Allow iFrame embedding of the Okta End-User Dashboard';

export const STATUS_WORDS: Record<LifecycleStatus, string> = { ACTIVE: 'Active', INACTIVE: 'Inactive' };

/** The form's field names; a Map of form fields keeps one value per name, so each box has its own. */
export const FORM_FIELDS = {
  name: 'name',
  origin: 'origin',
  cors: 'scope_CORS',
  redirect: 'scope_REDIRECT',
  iframe: 'scope_IFRAME_EMBED',
  endUserDashboard: 'iframe_OKTA_ENDUSER',
} as const satisfies Record<keyof OriginFormValues, string>;

export const EMPTY_FORM: OriginFormValues = { name: '', origin: '', cors: false, redirect: false, iframe: false, endUserDashboard: false };

/** What a posted form says, as typed (nothing trimmed: the API decides what is blank). */
export function formValuesFrom(fields: ReadonlyMap<string, string>): OriginFormValues {
  const ticked = (name: string) => fields.has(name);
  return {
    name: fields.get(FORM_FIELDS.name) ?? '',
    origin: fields.get(FORM_FIELDS.origin) ?? '',
    cors: ticked(FORM_FIELDS.cors),
    redirect: ticked(FORM_FIELDS.redirect),
    iframe: ticked(FORM_FIELDS.iframe),
    endUserDashboard: ticked(FORM_FIELDS.endUserDashboard),
  };
}

/** The form filled with a record, for Edit. */
export function formValuesOf(record: Pick<TrustedOriginRecord, 'name' | 'origin' | 'scopes'>): OriginFormValues {
  const scope = (type: ScopeType) => record.scopes.find((s) => s.type === type);
  const iframe = scope('IFRAME_EMBED');
  return {
    name: record.name,
    origin: record.origin,
    cors: scope('CORS') !== undefined,
    redirect: scope('REDIRECT') !== undefined,
    iframe: iframe !== undefined,
    endUserDashboard: iframe?.allowedOktaApps?.includes('OKTA_ENDUSER') ?? false,
  };
}

/**
 * The API body the form stands for, exactly what a client would POST or PUT.
 * The End-User Dashboard box belongs to iFrame embed: without that scope there
 * is nothing for it to allow, so it adds nothing.
 */
export function requestBodyOf(values: OriginFormValues): { name: string; origin: string; scopes: TrustedOriginScope[] } {
  const scopes: TrustedOriginScope[] = SCOPE_WORDS.filter(({ box }) => values[box]).map(({ type }) =>
    type === 'IFRAME_EMBED' && values.endUserDashboard ? { type, allowedOktaApps: ['OKTA_ENDUSER'] } : { type },
  );
  return { name: values.name, origin: values.origin, scopes };
}

/** How the list's Type column words a record's scopes. */
export function scopeWords(scopes: readonly TrustedOriginScope[]): string[] {
  return SCOPE_WORDS.flatMap(({ type, word }) => {
    const scope = scopes.find((s) => s.type === type);
    if (!scope) return [];
    return type === 'IFRAME_EMBED' && scope.allowedOktaApps?.includes('OKTA_ENDUSER') ? [`${word} (and the Okta End-User Dashboard)`] : [word];
  });
}

export type FormField = 'name' | 'origin' | 'scopes';
const FORM_FIELD_NAMES: readonly FormField[] = ['name', 'origin', 'scopes'];

export interface PlacedCauses {
  byField: Record<FormField, string[]>;
  /** Causes that name no field of the form: shown at the top. */
  unplaced: string[];
}

/**
 * Okta words a validation cause `<field>: <message>` (`scopes[0].type: …` for
 * a part of a field); the cause goes beside the field it names, as the API
 * wrote it.
 */
export function placeCauses(causes: readonly ErrorCause[]): PlacedCauses {
  const placed: PlacedCauses = { byField: { name: [], origin: [], scopes: [] }, unplaced: [] };
  for (const { errorSummary } of causes) {
    const field = /^([A-Za-z]+)[\[.:]/.exec(errorSummary)?.[1] as FormField | undefined;
    if (field !== undefined && FORM_FIELD_NAMES.includes(field)) placed.byField[field].push(errorSummary);
    else placed.unplaced.push(errorSummary);
  }
  return placed;
}
