import { Hono } from 'hono';
import { paginationLinks } from '../domain/paginate.js';
import { trustedOriginJson, trustedOriginListJson, writtenTrustedOriginJson } from '../domain/serialize-trusted-origin.js';
import { emptyResponse, jsonTextResponse, orgUrlOf, readJsonBody, type AppEnv, type HeaderLines } from '../http.js';
import type { TrustedOriginModel } from '../model/trusted-origins.js';

const COLLECTION = '/api/v1/trustedOrigins';

/** The list's `Link` lines for the links paginationLinks gave last: it hands back the same array while they stay the same. */
let lastLinks: readonly string[] | undefined;
let lastLinkLines: HeaderLines = [];

function linkLines(links: readonly string[]): HeaderLines {
  if (links !== lastLinks) {
    lastLinkLines = links.map((link) => ['Link', link] as const);
    lastLinks = links;
  }
  return lastLinkLines;
}

/** The collection's URL under the org URL asked last: the same text each time, not a new one per list. */
let lastOrgUrl = '';
let lastCollectionUrl = '';
function collectionUrlOf(orgUrl: string): string {
  if (orgUrl !== lastOrgUrl) {
    lastCollectionUrl = orgUrl + COLLECTION;
    lastOrgUrl = orgUrl;
  }
  return lastCollectionUrl;
}

/** The query of a list asked without a query string. */
const NO_PARAMS = { q: undefined, filter: undefined, after: undefined };

/** HTTP for /api/v1/trustedOrigins: parse the request, call the model, serialize the answer. */
export function trustedOriginRoutes(model: TrustedOriginModel): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', (c) => {
    // Most lists ask with no query at all: then there is none to read, four times over.
    const asked = c.req.url.includes('?');
    const params = asked ? { q: c.req.query('q'), filter: c.req.query('filter'), after: c.req.query('after') } : NO_PARAMS;
    const page = model.list({ q: params.q, filter: params.filter, after: params.after, limit: asked ? c.req.query('limit') : undefined });
    const orgUrl = orgUrlOf(c);
    const links = linkLines(paginationLinks(collectionUrlOf(orgUrl), params, page.limit, page.nextAfter));
    return jsonTextResponse(c, trustedOriginListJson(page.items, orgUrl), 200, links);
  });

  routes.post('/', async (c) => {
    const record = await model.create(await readJsonBody(c), c.get('actor').id);
    return jsonTextResponse(c, writtenTrustedOriginJson(record, orgUrlOf(c)));
  });

  routes.get('/:id', (c) => jsonTextResponse(c, trustedOriginJson(model.get(c.req.param('id')), orgUrlOf(c))));

  routes.put('/:id', async (c) => {
    const id = c.req.param('id');
    model.get(id);
    const record = await model.replace(id, await readJsonBody(c), c.get('actor').id);
    return jsonTextResponse(c, writtenTrustedOriginJson(record, orgUrlOf(c)));
  });

  routes.delete('/:id', (c) => {
    model.delete(c.req.param('id'));
    return emptyResponse(c, 204);
  });

  routes.post('/:id/lifecycle/activate', async (c) => {
    const record = await model.setStatus(c.req.param('id'), 'ACTIVE', c.get('actor').id);
    return jsonTextResponse(c, writtenTrustedOriginJson(record, orgUrlOf(c)));
  });

  routes.post('/:id/lifecycle/deactivate', async (c) => {
    const record = await model.setStatus(c.req.param('id'), 'INACTIVE', c.get('actor').id);
    return jsonTextResponse(c, writtenTrustedOriginJson(record, orgUrlOf(c)));
  });

  return routes;
}
