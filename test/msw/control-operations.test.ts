import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOktaHandlers } from '../../src/msw.js';
import { FixtureError } from '../../src/store/fixtures.js';
import { api, createOrigin, listOrigins, ORG_URL, SEEDED_IDS, unhandledPolicy } from './support.js';

/**
 * The control operations on the MSW handle: the same org methods the control
 * API calls (reset, exportState, importState), here with no HTTP in between.
 */
const APP = 'http://localhost:5173';
const { handlers, org } = createOktaHandlers({ orgUrl: ORG_URL, trust: [APP] });
const server = setupServer(...handlers);

beforeAll(() => server.listen(unhandledPolicy(() => 'error')));
afterAll(() => server.close());

describe('okta-mock/msw: control operations on the org handle', () => {
  it('exportState() gives the content as a fixtures document, the trust option included', async () => {
    const state = await org.exportState();
    expect(state.trustedOrigins.map((o) => o.id).slice(0, 3)).toEqual(SEEDED_IDS);
    expect(state.trustedOrigins[3]).toMatchObject({ origin: APP, status: 'ACTIVE', scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }] });
    expect(state.users.map((u) => u.profile.login)).toEqual(['admin@example.com']);
  });

  it('reset() undoes what requests changed, keeping the trusted app origin', async () => {
    const seed = JSON.stringify(await org.exportState());
    await createOrigin('Made under MSW', 'https://made.example');
    expect((await api(`/api/v1/trustedOrigins/${SEEDED_IDS[0]}`, { method: 'DELETE' })).status).toBe(204);
    expect(JSON.stringify(await org.exportState())).not.toBe(seed);
    await org.reset();
    expect(JSON.stringify(await org.exportState())).toBe(seed);
  });

  it('importState(doc) replaces the content, answers it as loaded, and becomes the seed reset() returns to', async () => {
    const state = await org.exportState();
    const only = { trustedOrigins: state.trustedOrigins.slice(1, 2), users: state.users };
    const loaded = await org.importState(only);
    expect(loaded).toEqual(only);
    expect((await listOrigins()).map((o) => o.id)).toEqual([SEEDED_IDS[1]]);
    await createOrigin('After import', 'https://after-import.example');
    await org.reset();
    expect((await listOrigins()).map((o) => o.id)).toEqual([SEEDED_IDS[1]]);
    await org.importState(state);
  });

  it('importState(doc) throws a FixtureError naming every problem and changes nothing', async () => {
    const before = JSON.stringify(await org.exportState());
    const bad = { trustedOrigins: [{ ...(await org.exportState()).trustedOrigins[0], origin: 'nope' }], users: 'none' };
    const error = await org.importState(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FixtureError);
    expect((error as FixtureError).problems.map((p) => p.where)).toEqual(['trustedOrigins[0].origin', 'users']);
    expect(JSON.stringify(await org.exportState())).toBe(before);
    await org.reset();
    expect(JSON.stringify(await org.exportState())).toBe(before);
  });

  it('serves the control API on the org URL too, behind the API token', async () => {
    expect((await api('/__okta-mock/state')).status).toBe(200);
    expect((await api('/__okta-mock/state', { headers: { Authorization: 'SSWS wrong' } })).status).toBe(401);
  });
});
