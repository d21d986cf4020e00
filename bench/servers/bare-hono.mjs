/**
 * The baseline: a bare Hono app on @hono/node-server (the same adaptor
 * okta-mock's startServer uses), in its own process. It answers the three
 * benchmarked routes with fixed bodies that bench/run.mjs captured from
 * okta-mock, so each response body has the same bytes as okta-mock's.
 * No auth, no validation, no store, no extra headers. POST reads the request
 * body before answering.
 *
 * IPC: sends { type: 'ready', url }; accepts { type: 'bodies', get, list, create, referenceHeaders }
 * (replies { type: 'bodies-set' }) and { type: 'stats' }.
 */
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';

const bodies = { get: '{}', list: '[]', create: '{}' };
const JSON_HEADERS = { 'Content-Type': 'application/json' };

const app = new Hono();
app.get('/api/v1/trustedOrigins', (c) => c.body(bodies.list, 200, JSON_HEADERS));
app.post('/api/v1/trustedOrigins', async (c) => {
  await c.req.text();
  return c.body(bodies.create, 200, JSON_HEADERS);
});
app.get('/api/v1/trustedOrigins/:id', (c) => c.body(bodies.get, 200, JSON_HEADERS));

/**
 * The references: what the same routes cost with okta-mock's header lines
 * and nothing else of okta-mock's. Each answer carries the lines okta-mock
 * sent for that endpoint (the list's two `Link` lines included), with a fresh
 * request id and the current Date, as one plain header object: the form
 * okta-mock itself hands @hono/node-server (its fast path; Hono's `c.body`
 * with more than one header builds a `Headers` object, which costs more).
 * Get and list answer okta-mock's fixed bodies. Create is about the least a
 * server can do and still be a store: it parses the body, keeps the record in
 * a Map and answers its JSON with `_links`. No validation, no uniqueness, no
 * journal, no indexes.
 */
const referenceHeaders = { get: JSON_HEADERS, list: JSON_HEADERS, create: JSON_HEADERS };
let answered = 0;
let dateSecond = -1;
let dateText = '';
function stamped(headers) {
  const now = Date.now();
  if (Math.floor(now / 1000) !== dateSecond) {
    dateSecond = Math.floor(now / 1000);
    dateText = new Date(now).toUTCString();
  }
  answered += 1;
  return Object.assign({}, headers, { 'X-Okta-Request-Id': answered.toString(16).padStart(32, '0'), Date: dateText });
}

const referenceStore = new Map();
app.get('/reference/api/v1/trustedOrigins/:id', () => new Response(bodies.get, { status: 200, headers: stamped(referenceHeaders.get) }));
app.get('/reference/api/v1/trustedOrigins', () => new Response(bodies.list, { status: 200, headers: stamped(referenceHeaders.list) }));
app.post('/reference/api/v1/trustedOrigins', async (c) => {
  const input = JSON.parse(await c.req.text());
  const id = `tosref${String(referenceStore.size).padStart(14, '0')}`;
  const now = new Date().toISOString();
  const record = { id, name: input.name, origin: input.origin, scopes: input.scopes, status: 'ACTIVE', created: now, createdBy: 'reference', lastUpdated: now, lastUpdatedBy: 'reference' };
  referenceStore.set(id, record);
  const href = `${new URL(c.req.url).origin}/api/v1/trustedOrigins/${id}`;
  const links = { self: { href, hints: { allow: ['GET', 'PUT', 'DELETE'] } }, deactivate: { href: `${href}/lifecycle/deactivate`, hints: { allow: ['POST'] } } };
  return new Response(JSON.stringify({ ...record, _links: links }), { status: 200, headers: stamped(referenceHeaders.create) });
});

const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.send({ type: 'ready', url: `http://127.0.0.1:${port}` });
});

process.on('message', (message) => {
  if (message?.type === 'bodies') {
    Object.assign(bodies, { get: message.get, list: message.list, create: message.create });
    if (message.referenceHeaders) Object.assign(referenceHeaders, message.referenceHeaders);
    process.send({ type: 'bodies-set' });
  } else if (message?.type === 'stats') {
    globalThis.gc?.();
    process.send({ type: 'stats', memory: process.memoryUsage() });
  } else if (message?.type === 'close') {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
  }
});
process.on('disconnect', () => process.exit(0));
