import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOktaHandlers } from '../../src/msw.js';
import { api, createOrigin, listOrigins, ORG_URL, rendezvous, unhandledPolicy } from './support.js';

/**
 * File B: its own org on the same org URL as node-a.test.ts, started empty.
 * Also: what is not for the org URL goes to MSW's own unhandled-request
 * policy (here a callback that records it, and either lets it through or fails it).
 */
const { handlers, org } = createOktaHandlers({ orgUrl: ORG_URL, empty: true });
const server = setupServer(...handlers);

const unhandled: string[] = [];
let policy: 'bypass' | 'error' = 'bypass';

/** A real local server, to show a bypassed request reaches the network untouched. */
let local: Server;
let localUrl: string;

beforeAll(async () => {
  local = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`local server saw ${req.method} ${req.url}`);
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  localUrl = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  server.listen(
    unhandledPolicy((request) => {
      unhandled.push(`${request.method} ${request.url}`);
      return policy;
    }),
  );
});
beforeEach(() => {
  unhandled.length = 0;
  policy = 'bypass';
});
afterEach(() => org.reset());
afterAll(async () => {
  server.close();
  await new Promise<void>((resolve) => local.close(() => resolve()));
});

describe('okta-mock/msw under setupServer (file B: an empty org)', () => {
  it('keeps its records to itself while file A works on its own org at the same URL', async () => {
    expect(await listOrigins()).toEqual([]);
    const mine = await createOrigin('Only in file B', 'https://only-in-file-b.example', ['REDIRECT']);
    await rendezvous('b-created', 'a-created');

    const listed = await listOrigins();
    expect(listed.map((o) => o.id)).toEqual([mine.id]);
    expect(await listOrigins('?q=https://only-in-file-a')).toEqual([]);
    expect(org.store.trustedOrigins.all().map((o) => o.name)).toEqual(['Only in file B']);

    await rendezvous('b-checked', 'a-checked');
  });

  it('resets to its own (empty) seed', async () => {
    await createOrigin('Gone after reset', 'https://gone-after-reset.example');
    await org.reset();
    expect(await listOrigins()).toEqual([]);
  });

  it('adds records on top of the current state with org.add, which reset() then removes', async () => {
    const record = {
      id: 'tosAddedByTheTest0g3',
      name: 'Added through org.add',
      origin: 'https://added.example',
      scopes: [{ type: 'CORS' as const }],
      status: 'INACTIVE' as const,
      created: '2024-05-06T07:08:09.000Z',
      createdBy: '00ut5t92p6IEOi4bu0g3',
      lastUpdated: '2024-05-06T07:08:09.000Z',
      lastUpdatedBy: '00ut5t92p6IEOi4bu0g3',
    };
    await org.add({ trustedOrigins: [record] });
    const listed = await listOrigins();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: record.id, status: 'INACTIVE' });
    expect(Object.keys(listed[0]!._links)).toEqual(['activate', 'self']);
    await expect(org.add({ trustedOrigins: [{ ...record, id: 'tosAnotherIdForTest1' }] })).rejects.toThrow(/clashes/);
    await org.reset();
    expect(await listOrigins()).toEqual([]);
  });

  it('leaves a request outside the org URL to onUnhandledRequest, which lets it through to the network', async () => {
    const res = await fetch(`${localUrl}/api/v1/trustedOrigins`);
    expect(await res.text()).toBe('local server saw GET /api/v1/trustedOrigins');
    expect(unhandled).toEqual([`GET ${localUrl}/api/v1/trustedOrigins`]);
  });

  it('leaves the same host on another scheme or port to the policy too: the org URL is an origin', async () => {
    policy = 'error';
    const otherScheme = ORG_URL.replace('https:', 'http:');
    await expect(fetch(`${otherScheme}/api/v1/trustedOrigins`)).rejects.toThrow(TypeError);
    await expect(fetch(`${ORG_URL}:8443/api/v1/trustedOrigins`)).rejects.toThrow(TypeError);
    await expect(fetch('https://dev-124.okta.example/api/v1/trustedOrigins')).rejects.toThrow(TypeError);
    expect(unhandled).toEqual([
      `GET ${otherScheme}/api/v1/trustedOrigins`,
      `GET ${ORG_URL}:8443/api/v1/trustedOrigins`,
      'GET https://dev-124.okta.example/api/v1/trustedOrigins',
    ]);
  });

  it('answers everything on the org URL itself, even unknown paths, without asking the policy', async () => {
    policy = 'error';
    const res = await api('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('E0000007');
    expect((await fetch(`${ORG_URL}/login/login.htm`)).status).toBe(200);
    expect(unhandled).toEqual([]);
  });
});
