/**
 * The error catalogue, limited to what a real org can be made to produce
 * safely: nothing here can create, change or reveal a record that is not the
 * run's own (no 429 storms, no 500s, no permission tests with other tokens).
 */
import type { ContractCase } from '../support/runner.js';
import { MISSING_ID } from '../support/safety.js';

const TO = '/api/v1/trustedOrigins';

export const ERROR_CASES: ContractCase[] = [
  {
    id: 'create-invalid-origin',
    title: 'createTrustedOrigin answers 400 E0000001 "Api validation failed: origin" for an origin without a scheme',
    operations: ['createTrustedOrigin'],
    evidence: ['[R] seed 003 "Create Trusted Origin with an invalid origin" example: cause "origin: Origin value is not valid" (okta-facts §4.2)'],
    async run(ctx) {
      await ctx.call('invalid origin', TO, {
        method: 'POST',
        json: { name: ctx.name('invalid'), origin: `${ctx.prefix}.example.com`, scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }] },
      });
    },
  },
  {
    id: 'create-missing-fields',
    title: 'createTrustedOrigin answers 400 E0000001 with one "cannot be left blank" cause per missing field',
    operations: ['createTrustedOrigin'],
    evidence: ['[W] the generic E0000001 pattern "<field>: The field cannot be left blank" (other resources)', '[I] its use and order here'],
    async run(ctx) {
      await ctx.call('name and scopes missing', TO, { method: 'POST', json: { origin: ctx.origin('nameless') } });
    },
  },
  {
    id: 'create-duplicate-origin',
    title: 'createTrustedOrigin answers 400 E0000001 for an origin the org already holds',
    operations: ['createTrustedOrigin'],
    evidence: ['[R] origin is unique (SPEC)', '[I] the cause text follows Okta\'s generic uniqueness cause (okta-facts open question 1)'],
    async run(ctx) {
      await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('first'), origin: ctx.origin('dup'), scopes: [{ type: 'CORS' }] } });
      await ctx.call('same origin again', TO, { method: 'POST', json: { name: ctx.name('second'), origin: ctx.origin('dup'), scopes: [{ type: 'CORS' }] } });
    },
  },
  {
    id: 'create-not-well-formed',
    title: 'createTrustedOrigin answers 400 E0000003 for malformed JSON and for an unknown scope type',
    operations: ['createTrustedOrigin'],
    evidence: [
      '[W] E0000003 "The request body was not well-formed." with no causes for malformed JSON (PY-VCR realms)',
      '[W-ish] the same for scope type "Redirect" (terraform-provider-okta issue 609)',
    ],
    async run(ctx) {
      await ctx.call('malformed JSON', TO, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"name": "${ctx.name('x')}", ` });
      await ctx.call('unknown scope type', TO, {
        method: 'POST',
        json: { name: ctx.name('scope'), origin: ctx.origin('scope'), scopes: [{ type: 'Redirect' }] },
      });
    },
  },
  {
    id: 'create-wrong-content-type',
    title: 'createTrustedOrigin answers 400 E0000021 for a body that is not sent as JSON',
    operations: ['createTrustedOrigin'],
    evidence: ['[R] E0000021 text with two spaces after "request." (DOCS-ERR)', '[I] that this code is the one used (okta-facts open question 10)'],
    async run(ctx) {
      await ctx.call('text/plain body', TO, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: `name=${ctx.name('plain')}` });
    },
  },
  {
    id: 'not-found',
    title: 'get, delete, activate and deactivate answer 404 E0000007 naming the id for an unknown trusted origin',
    operations: ['getTrustedOrigin', 'deleteTrustedOrigin', 'activateTrustedOrigin', 'deactivateTrustedOrigin', 'replaceTrustedOrigin'],
    evidence: ['[W] 404 E0000007 "Not found: Resource not found: <id> (TrustedOrigin)" (PY-VCR-TO, GET)', '[I] the same answer for the other operations'],
    async run(ctx) {
      const path = `${TO}/${MISSING_ID}`;
      await ctx.call('get', path);
      await ctx.call('replace', path, { method: 'PUT', json: { name: ctx.name('nobody'), origin: ctx.origin('nobody'), scopes: [{ type: 'CORS' }] } });
      await ctx.call('delete', path, { method: 'DELETE' });
      await ctx.call('activate', `${path}/lifecycle/activate`, { method: 'POST' });
      await ctx.call('deactivate', `${path}/lifecycle/deactivate`, { method: 'POST' });
    },
  },
  {
    id: 'method-not-allowed',
    title: 'a method a Trusted Origins path does not define answers 405 E0000022',
    operations: ['getTrustedOrigin', 'activateTrustedOrigin', 'listTrustedOrigins'],
    evidence: ['[W] 405 E0000022 "The endpoint does not support the provided HTTP method" (another resource)', '[I] OPTIONS on the non-CORS Trusted Origins paths'],
    async run(ctx) {
      const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('m'), origin: ctx.origin('m'), scopes: [{ type: 'CORS' }] } });
      await ctx.call('PATCH one origin', `${TO}/${body.id}`, { method: 'PATCH', json: { name: ctx.name('patched') } });
      await ctx.call('GET a lifecycle path', `${TO}/${body.id}/lifecycle/activate`);
      await ctx.call('OPTIONS the collection', TO, { method: 'OPTIONS', auth: false });
    },
  },
  {
    id: 'auth-missing',
    title: 'a Trusted Origins request without an Authorization header answers 403 E0000005 "Invalid session"',
    operations: ['listTrustedOrigins'],
    evidence: ['[R] DOCS-ERR 403; [W-ish] okta-powershell-cli issue 86 (I:high for no header)'],
    async run(ctx) {
      await ctx.call('no Authorization', `${TO}?q=${encodeURIComponent(ctx.prefix)}`, { auth: false });
    },
  },
  {
    id: 'auth-invalid-token',
    title: 'a Trusted Origins request with an unknown SSWS token answers 401 E0000011 "Invalid token provided"',
    operations: ['listTrustedOrigins'],
    evidence: ['[R] SPEC example ErrorInvalidTokenProvided; [W-ish] Okta-PSModule issue 65'],
    async run(ctx) {
      await ctx.call('unknown token', `${TO}?q=${encodeURIComponent(ctx.prefix)}`, {
        auth: false,
        headers: { Authorization: `SSWS 00${ctx.prefix.replace(/-/g, '')}notatoken` },
      });
    },
  },
  {
    id: 'list-invalid-paging',
    title: 'listTrustedOrigins answers 400 E0000029 for limit 0 and for a cursor that names no origin',
    operations: ['listTrustedOrigins'],
    evidence: ['[W] E0000029 "Invalid paging request." with cause "Invalid cursor." (apps, 2025)', '[I] the same code on trusted origins and for limit=0'],
    async run(ctx) {
      const q = encodeURIComponent(ctx.prefix);
      await ctx.call('limit 0', `${TO}?q=${q}&limit=0`);
      await ctx.call('unknown cursor', `${TO}?q=${q}&after=${MISSING_ID}`);
    },
  },
  {
    id: 'list-unsupported-filter',
    title: 'listTrustedOrigins answers 400 E0000031 "Invalid search criteria." for a filter on an unknown attribute',
    operations: ['listTrustedOrigins'],
    evidence: ['[R] E0000031 and E0000094 both exist (DOCS-ERR)', '[I] which one trusted origins use (okta-facts open question 2)'],
    async run(ctx) {
      const filter = `name sw "${ctx.prefix}" and (nickname eq "x")`;
      await ctx.call('unknown attribute', `${TO}?filter=${encodeURIComponent(filter)}`);
    },
  },
  {
    id: 'unknown-path',
    title: 'a path the org does not serve answers 404 E0000007 naming the path',
    operations: [],
    evidence: ['[I] Okta\'s text for unknown paths is not recorded; modelled on E0000007'],
    async run(ctx) {
      await ctx.call('unknown path', `/api/v1/${ctx.prefix}-nothing-here`);
    },
  },
];
