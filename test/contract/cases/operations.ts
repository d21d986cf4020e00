/** Cases for the seven Trusted Origins operations, their success answers first. */
import type { ContractCase } from '../support/runner.js';

const TO = '/api/v1/trustedOrigins';
const CORS_AND_REDIRECT = [{ type: 'CORS' }, { type: 'REDIRECT' }];

export const OPERATION_CASES: ContractCase[] = [
  {
    id: 'create',
    title: 'createTrustedOrigin answers 200 with an ACTIVE origin, its keys in wire order and self + deactivate links',
    operations: ['createTrustedOrigin'],
    evidence: [
      '[W] 200 (not 201), status ACTIVE, key order, _links self then deactivate with hints.allow (okta-facts §1.2, §1.3: TF-VCR, PY-VCR-TO)',
      '[W] CORS/REDIRECT scopes without allowedOktaApps; timestamps with .000Z; createdBy = token owner (okta-facts §1.1, §1.4)',
      '[R] seed 003 "Create Trusted Origin" request and response example (the example prints status before scopes; the wire order wins)',
    ],
    async run(ctx) {
      await ctx.call('create', TO, {
        method: 'POST',
        json: { name: ctx.name('new'), origin: ctx.origin('new'), scopes: CORS_AND_REDIRECT },
      });
    },
  },
  {
    id: 'get',
    title: 'getTrustedOrigin answers 200 with the stored origin, the same as the create answer',
    operations: ['getTrustedOrigin'],
    evidence: ['[W] GET answers 200 with the object (TF-VCR, PY-VCR-TO)', '[R] seed 003 "Get Trusted Origin" example'],
    async run(ctx) {
      const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('one'), origin: ctx.origin('one'), scopes: [{ type: 'CORS' }] } });
      await ctx.call('get', `${TO}/${body.id}`);
    },
  },
  {
    id: 'replace',
    title: 'replaceTrustedOrigin takes the whole object back, ignores read-only fields and replaces the scopes wholesale',
    operations: ['replaceTrustedOrigin'],
    evidence: [
      '[W] PUT answers 200 with the new name (PY-VCR-TO); [E] SDKs send the whole object back, _links included (okta-facts §2 PUT)',
      '[R] seed 003 "Update Trusted Origin" example; scopes replaced, not merged (NODE-IT, I:high)',
      '[I] lastUpdated moves on PUT (same second in recordings)',
    ],
    async run(ctx) {
      const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('before'), origin: ctx.origin('before'), scopes: CORS_AND_REDIRECT } });
      await ctx.call('replace', `${TO}/${body.id}`, {
        method: 'PUT',
        json: { ...body, name: ctx.name('after'), origin: `${ctx.origin('after')}/`, scopes: [{ type: 'REDIRECT' }] },
      });
    },
  },
  {
    id: 'lifecycle',
    title: 'deactivate answers INACTIVE with activate + self links, activate answers ACTIVE with self + deactivate',
    operations: ['deactivateTrustedOrigin', 'activateTrustedOrigin'],
    evidence: [
      '[W] deactivate → INACTIVE with _links activate then self; activate → ACTIVE; lastUpdated moves (TF-VCR, PY-VCR-TO)',
      '[R] seed 003 "Activate" and "Deactivate Trusted Origin" examples',
    ],
    async run(ctx) {
      const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('toggle'), origin: ctx.origin('toggle'), scopes: [{ type: 'CORS' }] } });
      await ctx.call('deactivate', `${TO}/${body.id}/lifecycle/deactivate`, { method: 'POST' });
      await ctx.call('activate', `${TO}/${body.id}/lifecycle/activate`, { method: 'POST' });
    },
  },
  {
    id: 'delete',
    title: 'deleteTrustedOrigin answers 204 without a body or Content-Type, and the id then answers 404 E0000007',
    operations: ['deleteTrustedOrigin', 'getTrustedOrigin'],
    evidence: [
      '[W] 204, empty body, no Content-Type, deleting an ACTIVE origin is allowed (TF-VCR, PY-VCR-TO); the seed\'s "returns an empty object" is outdated',
      '[W] 404 E0000007 "Not found: Resource not found: <id> (TrustedOrigin)" after the delete (PY-VCR-TO)',
    ],
    async run(ctx) {
      const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('gone'), origin: ctx.origin('gone'), scopes: [{ type: 'CORS' }] } });
      await ctx.call('delete', `${TO}/${body.id}`, { method: 'DELETE' });
      await ctx.call('get after delete', `${TO}/${body.id}`);
    },
  },
  {
    id: 'list-q',
    title: 'listTrustedOrigins with q keeps the origins whose name starts with it, oldest first, with a self Link carrying limit',
    operations: ['listTrustedOrigins'],
    evidence: [
      '[R] q is a prefix match on name or origin (SPEC; NODE-IT)',
      '[W] oldest first; Link <…?limit=20>; rel="self" when no limit is sent (PY-VCR-TO)',
      '[I] the self link keeps q, query keys sorted',
    ],
    async run(ctx) {
      for (const label of ['a', 'b']) {
        await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name(label), origin: ctx.origin(label), scopes: [{ type: 'CORS' }] } });
      }
      await ctx.call('list by q', `${TO}?q=${encodeURIComponent(ctx.prefix)}`);
      await ctx.call('list by q, no match', `${TO}?q=${encodeURIComponent(`${ctx.prefix}-none`)}`);
    },
  },
  {
    id: 'list-pagination-q',
    title: 'listTrustedOrigins pages with limit and a next Link whose after is the last id, and sends no next on the last page',
    operations: ['listTrustedOrigins'],
    evidence: [
      '[W] after = id of the last item of the page; separate Link lines for self and next; no next on the last page (apps, 2025)',
      '[R] follow the Link header, do not build URLs (DOCS-CORE)',
      '[I] the same on trusted origins; [R] NODE-IT notes that a real next link carries filter in place of q (known difference)',
    ],
    async run(ctx) {
      for (const label of ['p1', 'p2', 'p3']) {
        await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name(label), origin: ctx.origin(label), scopes: [{ type: 'CORS' }] } });
      }
      const first = await ctx.call('page 1', `${TO}?q=${encodeURIComponent(ctx.prefix)}&limit=2`);
      const next = /<([^>]+)>;\s*rel="next"/.exec(first.headers.get('Link') ?? '')?.[1];
      if (next === undefined) throw new Error('page 1 has no next link');
      await ctx.call('page 2 (the next link, followed verbatim)', next);
    },
  },
  {
    id: 'list-limit-clamped',
    title: 'listTrustedOrigins treats a limit above 200 as 200',
    operations: ['listTrustedOrigins'],
    evidence: ['[R] limit maximum 200 (SPEC, seed 003)', '[I] clamped rather than rejected (okta-facts open question 2)'],
    async run(ctx) {
      await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('only'), origin: ctx.origin('only'), scopes: [{ type: 'CORS' }] } });
      await ctx.call('limit 500', `${TO}?q=${encodeURIComponent(ctx.prefix)}&limit=500`);
    },
  },
  {
    id: 'list-filter-ids',
    title: 'listTrustedOrigins with the reference\'s id filter returns exactly those origins',
    operations: ['listTrustedOrigins'],
    evidence: ['[R] seed 003 "List Trusted Origins with a filter": (id eq "…" or id eq "…") with limit=100'],
    async run(ctx) {
      const ids: string[] = [];
      for (const label of ['f1', 'f2', 'f3']) {
        const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name(label), origin: ctx.origin(label), scopes: [{ type: 'CORS' }] } });
        ids.push(body.id);
      }
      const filter = `(id eq "${ids[0]}" or id eq "${ids[2]}")`;
      await ctx.call('filter by ids', `${TO}?limit=100&filter=${encodeURIComponent(filter)}`);
    },
  },
  {
    id: 'list-filter-type-status',
    title: 'listTrustedOrigins filters on type (any scope) and status, combined with name sw and and',
    operations: ['listTrustedOrigins', 'deactivateTrustedOrigin'],
    evidence: [
      '[R] type eq matches an origin when any scope has that type (NODE-IT, I:high); status eq works since OKTA-622646 (DOCS-RN 2023)',
      '[I] sw, and, parentheses on trusted origins (the generic grammar of DOCS-CORE; the supported subset is not documented)',
    ],
    async run(ctx) {
      await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('cors'), origin: ctx.origin('cors'), scopes: [{ type: 'CORS' }] } });
      const { body } = await ctx.prepare(TO, { method: 'POST', json: { name: ctx.name('both'), origin: ctx.origin('both'), scopes: CORS_AND_REDIRECT } });
      await ctx.prepare(`${TO}/${body.id}/lifecycle/deactivate`, { method: 'POST' });
      const named = `name sw "${ctx.prefix}"`;
      await ctx.call('type eq REDIRECT', `${TO}?filter=${encodeURIComponent(`${named} and (type eq "REDIRECT")`)}`);
      await ctx.call('status eq ACTIVE', `${TO}?filter=${encodeURIComponent(`${named} and (status eq "ACTIVE")`)}`);
    },
  },
];
