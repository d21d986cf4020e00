/**
 * The baseline: a bare Hono app on @hono/node-server (the same adaptor
 * okta-mock's startServer uses), in its own process. It answers the three
 * benchmarked routes with fixed bodies that bench/run.mjs captured from
 * okta-mock, so each response body has the same bytes as okta-mock's.
 * No auth, no validation, no store, no extra headers. POST reads the request
 * body before answering.
 *
 * IPC: sends { type: 'ready', url }; accepts { type: 'bodies', get, list, create, createHeaders }
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
 * The create reference: about the least a server can do and still be a store.
 * It parses the body, keeps the record in a Map and answers its JSON (with
 * `_links`) under the same header lines okta-mock sent for its create (a
 * fresh request id each time). No validation, no uniqueness, no journal. It
 * shows what parsing, storing and serializing cost on top of the echo.
 */
let referenceHeaders = JSON_HEADERS;
const referenceStore = new Map();
let referenceCount = 0;
app.post('/reference/api/v1/trustedOrigins', async (c) => {
  const input = JSON.parse(await c.req.text());
  const id = `tosref${String(referenceCount++).padStart(14, '0')}`;
  const now = new Date().toISOString();
  const record = { id, name: input.name, origin: input.origin, scopes: input.scopes, status: 'ACTIVE', created: now, createdBy: 'reference', lastUpdated: now, lastUpdatedBy: 'reference' };
  referenceStore.set(id, record);
  const href = `${new URL(c.req.url).origin}/api/v1/trustedOrigins/${id}`;
  const links = { self: { href, hints: { allow: ['GET', 'PUT', 'DELETE'] } }, deactivate: { href: `${href}/lifecycle/deactivate`, hints: { allow: ['POST'] } } };
  const headers = { ...referenceHeaders, 'X-Okta-Request-Id': `ref${String(referenceCount).padStart(17, '0')}`, Date: new Date().toUTCString() };
  return c.body(JSON.stringify({ ...record, _links: links }), 200, headers);
});

const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.send({ type: 'ready', url: `http://127.0.0.1:${port}` });
});

process.on('message', (message) => {
  if (message?.type === 'bodies') {
    Object.assign(bodies, { get: message.get, list: message.list, create: message.create });
    if (message.createHeaders) referenceHeaders = message.createHeaders;
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
