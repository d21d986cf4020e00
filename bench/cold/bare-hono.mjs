/**
 * The cold-start anchor: a bare Hono app on @hono/node-server (the adaptor
 * okta-mock uses), loaded from node_modules as an app would, answering the
 * GET by id the bench asks for.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/api/v1/trustedOrigins/:id', (c) => c.json({ id: c.req.param('id') }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening on http://127.0.0.1:${info.port}`));
