import { describe, expect, it } from 'vitest';
import { explainCors } from '../../src/domain/cors.js';
import { decideRedirect } from '../../src/domain/redirect-decision.js';
import { matchesRequestFilter, parseRequestFilter, type RequestFilter } from '../../src/domain/request-filter.js';
import { decideTrustFix, describeTrustFix, trustFixLabel, type TrustFix, type TrustFixCandidate } from '../../src/domain/trust-fix.js';
import type { JournalEntry } from '../../src/journal.js';
import { named } from './table.js';
import { listLookup } from './lookup.js';

type Scope = 'CORS' | 'REDIRECT' | 'IFRAME_EMBED';
const record = (id: string, origin: string, scopes: Scope[], status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE', name = `${id} name`): TrustFixCandidate => ({
  id,
  name,
  origin,
  status,
  scopes: scopes.map((type) => (type === 'IFRAME_EMBED' ? { type, allowedOktaApps: ['OKTA_ENDUSER' as const] } : { type })),
});

const APP = 'https://app.example';
const REDIRECT_ONLY = record('tosREDIRECTONLYxxxx', APP, ['REDIRECT']);
const INACTIVE_CORS = record('tosINACTIVECORSxxxx', APP, ['CORS'], 'INACTIVE');
const INACTIVE_IFRAME = record('tosINACTIVEIFRAMExx', APP, ['IFRAME_EMBED'], 'INACTIVE');
const SLASHED_REDIRECT_ONLY = record('tosSLASHEDxxxxxxxxx', 'HTTPS://App.Example:443/', ['REDIRECT']);
const TRUSTED_LOCALHOST = record('tosLOCALHOSTxxxxxxx', 'http://localhost:3000', ['CORS', 'REDIRECT']);
const NAMED_LIKE_APP = record('tosNAMEDLIKEAPPxxxx', 'https://other.example', ['CORS'], 'ACTIVE', APP);

/** A journaled CORS request from `origin`, with the decision the org takes on `records`. */
const corsEntry = (origin: string | undefined, records: TrustFixCandidate[], auth: JournalEntry['auth'] = 'session') => ({
  auth,
  decision: explainCors(origin, auth === 'ssws', listLookup(records)),
});
const redirectEntry = (target: string, records: TrustFixCandidate[]) => ({ auth: 'session' as const, decision: decideRedirect(target, listLookup(records)).explanation });

interface Row {
  name: string;
  input: { entry: Pick<JournalEntry, 'auth' | 'decision'>; records: TrustFixCandidate[] };
  expected: TrustFix | { action: 'none'; reason: RegExp };
}

const cases: Row[] = [
  {
    name: 'creates an ACTIVE record named after a refused Origin that no record names, with CORS',
    input: { entry: corsEntry(APP, []), records: [] },
    expected: { action: 'create', origin: APP, scope: 'CORS', name: APP },
  },
  {
    name: 'creates one for 127.0.0.1 when only localhost is trusted: the refused origin itself is trusted, not the near miss',
    input: { entry: corsEntry('http://127.0.0.1:3000', [TRUSTED_LOCALHOST]), records: [TRUSTED_LOCALHOST] },
    expected: { action: 'create', origin: 'http://127.0.0.1:3000', scope: 'CORS', name: 'http://127.0.0.1:3000' },
  },
  {
    name: 'names the new record "<origin> (2)" when another record already has the origin as its name',
    input: { entry: corsEntry(APP, [NAMED_LIKE_APP]), records: [NAMED_LIKE_APP] },
    expected: { action: 'create', origin: APP, scope: 'CORS', name: `${APP} (2)` },
  },
  {
    name: 'adds CORS to the record that has only REDIRECT for that origin',
    input: { entry: corsEntry(APP, [REDIRECT_ONLY]), records: [REDIRECT_ONLY] },
    expected: { action: 'update', origin: APP, scope: 'CORS', trustedOriginId: REDIRECT_ONLY.id, name: REDIRECT_ONLY.name, scopes: [{ type: 'REDIRECT' }, { type: 'CORS' }], addScope: true, activate: false },
  },
  {
    name: 'adds CORS to a record stored with another letter case, the default port and a slash: it is exactly that origin',
    input: { entry: corsEntry(APP, [SLASHED_REDIRECT_ONLY]), records: [SLASHED_REDIRECT_ONLY] },
    expected: { action: 'update', origin: APP, scope: 'CORS', trustedOriginId: SLASHED_REDIRECT_ONLY.id, name: SLASHED_REDIRECT_ONLY.name, scopes: [{ type: 'REDIRECT' }, { type: 'CORS' }], addScope: true, activate: false },
  },
  {
    name: 'only activates an INACTIVE record that already has CORS',
    input: { entry: corsEntry(APP, [INACTIVE_CORS]), records: [INACTIVE_CORS] },
    expected: { action: 'update', origin: APP, scope: 'CORS', trustedOriginId: INACTIVE_CORS.id, name: INACTIVE_CORS.name, scopes: [{ type: 'CORS' }], addScope: false, activate: true },
  },
  {
    name: 'adds CORS to an INACTIVE iFrame-embed record, keeping its scope, and activates it',
    input: { entry: corsEntry(APP, [INACTIVE_IFRAME]), records: [INACTIVE_IFRAME] },
    expected: {
      action: 'update',
      origin: APP,
      scope: 'CORS',
      trustedOriginId: INACTIVE_IFRAME.id,
      name: INACTIVE_IFRAME.name,
      scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }, { type: 'CORS' }],
      addScope: true,
      activate: true,
    },
  },
  {
    name: 'adds REDIRECT for a refused redirect: the target\'s origin, not its path',
    input: { entry: redirectEntry('https://app.example/callback?x=1', [INACTIVE_CORS]), records: [INACTIVE_CORS] },
    expected: { action: 'update', origin: APP, scope: 'REDIRECT', trustedOriginId: INACTIVE_CORS.id, name: INACTIVE_CORS.name, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }], addScope: true, activate: true },
  },
  {
    name: 'creates a REDIRECT record for a refused redirect target no record names',
    input: { entry: redirectEntry('http://localhost:4200/after', []), records: [] },
    expected: { action: 'create', origin: 'http://localhost:4200', scope: 'REDIRECT', name: 'http://localhost:4200' },
  },
  // Nothing to fix.
  { name: 'offers nothing for an allowed request', input: { entry: corsEntry('http://localhost:3000', [TRUSTED_LOCALHOST]), records: [TRUSTED_LOCALHOST] }, expected: { action: 'none', reason: /already allowed/ } },
  { name: 'offers nothing for a request without a decision', input: { entry: { auth: 'none', decision: null }, records: [] }, expected: { action: 'none', reason: /no CORS or redirect decision/ } },
  {
    name: 'offers nothing for an API-token request: Okta never sends it CORS headers, whatever it trusts',
    input: { entry: corsEntry(APP, [], 'ssws'), records: [] },
    expected: { action: 'none', reason: /SSWS API token/ },
  },
  { name: 'offers nothing for a request without an Origin', input: { entry: corsEntry(undefined, []), records: [] }, expected: { action: 'none', reason: /no Origin/ } },
  { name: 'offers nothing for the opaque origin "null"', input: { entry: corsEntry('null', []), records: [] }, expected: { action: 'none', reason: /null is not an origin/ } },
  {
    name: 'offers nothing for an Origin that is no origin at all (markup in it)',
    input: { entry: corsEntry('https://x.example/<img src=x onerror=alert(1)>', []), records: [] },
    expected: { action: 'none', reason: /is not an origin a trusted origin can name/ },
  },
  { name: 'offers nothing for a redirect target the org never follows', input: { entry: redirectEntry('javascript:alert(1)', []), records: [] }, expected: { action: 'none', reason: /not one the org follows/ } },
  {
    name: 'offers nothing once the origin has become trusted since the request was refused',
    input: { entry: corsEntry(APP, []), records: [record('tosNOWTRUSTEDxxxxxx', APP, ['CORS'])] },
    expected: { action: 'none', reason: /already a trusted origin for CORS/ },
  },
];

/** The records after the fix, as the console's route makes it. */
function applied(fix: TrustFix, records: TrustFixCandidate[]): TrustFixCandidate[] {
  if (fix.action === 'create') return [...records, record('tosNEWxxxxxxxxxxxxx', fix.origin, [fix.scope], 'ACTIVE', fix.name)];
  if (fix.action === 'update') return records.map((r) => (r.id === fix.trustedOriginId ? { ...r, scopes: fix.scopes, status: 'ACTIVE' } : r));
  return records;
}

describe('decideTrustFix: the request view\'s one-click fix', () => {
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const lookup = listLookup(input.records);
    const fix = decideTrustFix({
      entry: input.entry,
      recordsFor: (origin) => lookup.withSameOrigin(origin) as TrustFixCandidate[],
      nameTaken: (name) => input.records.some((r) => r.name === name),
    });
    if (expected.action === 'none' && 'reason' in expected && expected.reason instanceof RegExp) {
      expect(fix.action).toBe('none');
      expect(fix.action === 'none' && fix.reason).toMatch(expected.reason);
      return;
    }
    expect(fix).toEqual(expected);
    // The point of the fix: the same request is allowed against the changed records.
    const after = listLookup(applied(fix, input.records));
    const decision = input.entry.decision!;
    const again = decision.kind === 'cors' ? explainCors(decision.subject, false, after) : decideRedirect(decision.subject, after).explanation;
    expect(again.allowed).toBe(true);
  });

  it.each([
    { name: 'labels a CORS fix with the guide\'s word', input: { origin: APP, scope: 'CORS' as const }, expected: 'Trust https://app.example for CORS' },
    { name: 'labels a redirect fix "for Redirect"', input: { origin: APP, scope: 'REDIRECT' as const }, expected: 'Trust https://app.example for Redirect' },
  ].map((row) => [row.name, row] as const))('%s', (_name, { input, expected }) => {
    expect(trustFixLabel(input)).toBe(expected);
  });

  it.each(
    named([
      { name: 'describes a new record', input: { action: 'create', origin: APP, scope: 'CORS', name: APP } as TrustFix, expected: `A new ACTIVE trusted origin "${APP}" for ${APP} with CORS.` },
      {
        name: 'describes an added scope and an activation together',
        input: { action: 'update', origin: APP, scope: 'REDIRECT', trustedOriginId: 'tos1', name: 'app', scopes: [], addScope: true, activate: true } as TrustFix,
        expected: `The trusted origin "app" (tos1) for ${APP}: Redirect added to its types and activated.`,
      },
      { name: 'describes nothing to do', input: { action: 'none', reason: 'the org already allowed it' } as TrustFix, expected: 'Nothing to change: the org already allowed it.' },
    ]),
  )('%s', (_name, { input, expected }) => {
    expect(describeTrustFix(input)).toBe(expected);
  });
});

describe('the request view\'s filters', () => {
  const refused = { origin: 'https://App.example', decision: corsEntry(APP, []).decision };
  const allowed = { origin: 'http://localhost:3000', decision: corsEntry('http://localhost:3000', [TRUSTED_LOCALHOST]).decision };
  const plain = { origin: null, decision: null };
  const cases: Array<{ name: string; input: { query: Record<string, string>; entry: Pick<JournalEntry, 'origin' | 'decision'> }; expected: boolean }> = [
    { name: 'shows everything without a filter', input: { query: {}, entry: plain }, expected: true },
    { name: 'shows a refused decision under "Refused only"', input: { query: { refused: '1' }, entry: refused }, expected: true },
    { name: 'hides an allowed decision under "Refused only"', input: { query: { refused: '1' }, entry: allowed }, expected: false },
    { name: 'hides a request without a decision under "Refused only"', input: { query: { refused: 'on' }, entry: plain }, expected: false },
    { name: 'reads refused=0 as off', input: { query: { refused: '0' }, entry: allowed }, expected: true },
    { name: 'matches part of the Origin in any letter case', input: { query: { origin: 'app.EXAMPLE' }, entry: refused }, expected: true },
    { name: 'hides another Origin', input: { query: { origin: 'app.example' }, entry: allowed }, expected: false },
    { name: 'hides a request without an Origin under an origin filter', input: { query: { origin: 'x' }, entry: plain }, expected: false },
    { name: 'takes both filters together', input: { query: { refused: '1', origin: 'localhost' }, entry: allowed }, expected: false },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    const filter: RequestFilter = parseRequestFilter((name) => input.query[name]);
    expect(matchesRequestFilter(input.entry, filter)).toBe(expected);
  });
});
