/** The Admin Console's Trusted Origins tab through app.fetch: list, Add Origin, Edit, Deactivate/Activate, Delete, and the API's validation. */
import { describe, expect, it } from 'vitest';
import { createTestOrg, ADMIN_ID, type TestOrg } from '../support/org.js';
import { browser } from '../support/session-flow.js';
import { consoleBrowser, isChecked, postForm, textOfId, valueOfInput, type ConsoleBrowser } from '../support/console.js';
import { trustedOriginsTabPaths as paths } from '../../src/console/trusted-origins-paths.js';
import { named } from '../unit/table.js';

const APP = 'http://localhost:8080';
const ACAO = 'Access-Control-Allow-Origin';

interface WireOrigin {
  id: string;
  name: string;
  origin: string;
  status: string;
  scopes: Array<{ type: string; allowedOktaApps?: string[] }>;
  createdBy: string;
  lastUpdatedBy: string;
}

async function apiList(org: TestOrg): Promise<WireOrigin[]> {
  const res = await org.request('/api/v1/trustedOrigins');
  expect(res.status).toBe(200);
  return (await res.json()) as WireOrigin[];
}

const byOrigin = async (org: TestOrg, origin: string) => (await apiList(org)).find((o) => o.origin === origin);

/** Whether the next CORS preflight from `origin` is allowed. */
async function corsAllowed(org: TestOrg, origin: string): Promise<boolean> {
  const res = await org.request('/api/v1/authn', {
    method: 'OPTIONS',
    auth: false,
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  });
  return res.headers.get(ACAO) === origin;
}

const fields = (name: string, origin: string, ...boxes: string[]) => ({ name, origin, ...Object.fromEntries(boxes.map((b) => [b, 'on'])) });

async function page(org: TestOrg, as: ConsoleBrowser, path: string): Promise<string> {
  const res = await browser(org, path, as.cookie);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** Follows the POST-redirect-GET of a change and returns the list page it lands on. */
async function changed(org: TestOrg, as: ConsoleBrowser, res: Response): Promise<string> {
  expect(res.status).toBe(303);
  expect(res.headers.get('Location')).toBe(paths.list);
  return page(org, as, paths.list);
}

describe('the Trusted Origins tab', () => {
  it('lists the trusted origins in the API\'s order with their name, origin URL, type in the console\'s words and status', async () => {
    const org = await createTestOrg();
    await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      json: { name: 'Embedder', origin: 'https://embed.example.com', scopes: [{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }] },
    });
    const api = await apiList(org);
    const html = await page(org, await consoleBrowser(org), paths.list);
    const rows = [...html.matchAll(/<tr>\s*<th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g)].map((m) => m.slice(1));
    expect(rows.map((r) => r[0])).toEqual(api.map((o) => o.name));
    expect(rows.map((r) => r[1])).toEqual(api.map((o) => o.origin));
    expect(rows.find((r) => r[1] === 'https://rf.example.com')?.[2]).toBe('CORS, Redirect');
    expect(rows.find((r) => r[1] === 'https://embed.example.com')?.[2]).toBe('iFrame embed (and the Okta End-User Dashboard)');
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['Active']));
    expect(html).toContain(`href="${paths.addForm}">Add Origin</a>`);
  });

  it('escapes what a trusted origin\'s name holds instead of running it', async () => {
    const org = await createTestOrg();
    await org.request('/api/v1/trustedOrigins', { method: 'POST', json: { name: '<img src=x onerror=alert(1)>', origin: APP, scopes: [{ type: 'CORS' }] } });
    const html = await page(org, await consoleBrowser(org), paths.list);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('adds an origin from the Add Origin form with the admin as creator, says so in a status message, and the next CORS request is allowed', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const form = await page(org, as, paths.addForm);
    for (const label of ['Name', 'Origin URL', 'Type', 'CORS', 'Redirect', 'iFrame embed', 'Allow iFrame embedding of the Okta End-User Dashboard', 'Save', 'Cancel']) expect(form).toContain(`>${label}<`);
    expect(await corsAllowed(org, APP)).toBe(false);

    const list = await changed(org, as, await postForm(org, paths.create, as, fields('Local app', APP, 'scope_CORS', 'scope_REDIRECT')));
    expect(list).toContain('<p class="notice" role="status">Trusted origin Local app added.</p>');
    const created = await byOrigin(org, APP);
    expect(created).toMatchObject({ name: 'Local app', status: 'ACTIVE', scopes: [{ type: 'CORS' }, { type: 'REDIRECT' }], createdBy: ADMIN_ID, lastUpdatedBy: ADMIN_ID });
    expect(await corsAllowed(org, APP)).toBe(true);
    // The notice is shown once.
    expect(await page(org, as, paths.list)).not.toContain('role="status"');
  });

  it('adds an iFrame embed origin that allows the End-User Dashboard as allowedOktaApps OKTA_ENDUSER', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    await changed(org, as, await postForm(org, paths.create, as, fields('Portal', 'https://portal.example.com', 'scope_IFRAME_EMBED', 'iframe_OKTA_ENDUSER')));
    expect((await byOrigin(org, 'https://portal.example.com'))?.scopes).toEqual([{ type: 'IFRAME_EMBED', allowedOktaApps: ['OKTA_ENDUSER'] }]);
  });

  it('opens Edit filled with the record and saves the replacement through the API, with the admin as last updater', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    await changed(org, as, await postForm(org, paths.create, as, fields('Local app', APP, 'scope_CORS')));
    const { id } = (await byOrigin(org, APP))!;
    const edit = await page(org, as, paths.editForm(id));
    expect(valueOfInput(edit, 'origin-name')).toBe('Local app');
    expect(valueOfInput(edit, 'origin-url')).toBe(APP);
    expect([isChecked(edit, 'origin-type-CORS'), isChecked(edit, 'origin-type-REDIRECT'), isChecked(edit, 'origin-type-IFRAME_EMBED')]).toEqual([true, false, false]);
    expect(edit).toContain(`action="${paths.replace(id)}"`);

    const list = await changed(org, as, await postForm(org, paths.replace(id), as, fields('Local app, renamed', APP, 'scope_REDIRECT')));
    expect(list).toContain('Trusted origin Local app, renamed saved.');
    expect(await byOrigin(org, APP)).toMatchObject({ id, name: 'Local app, renamed', scopes: [{ type: 'REDIRECT' }], lastUpdatedBy: ADMIN_ID });
    expect(await corsAllowed(org, APP)).toBe(false);
  });

  it('refuses an Edit that takes another record\'s origin with E0000001 beside Origin URL, keeps what was typed and changes nothing', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    await changed(org, as, await postForm(org, paths.create, as, fields('Local app', APP, 'scope_CORS')));
    const before = await byOrigin(org, APP);
    const res = await postForm(org, paths.replace(before!.id), as, fields('Local app', 'http://example.com', 'scope_CORS'));
    expect(res.status).toBe(400);
    const form = await res.text();
    expect(textOfId(form, 'origin-url-error')).toBe('origin: An object with this field already exists in the current organization');
    expect(valueOfInput(form, 'origin-url')).toBe('http://example.com');
    expect(form).toContain(`action="${paths.replace(before!.id)}"`);
    expect(await byOrigin(org, APP)).toEqual(before);
  });

  it('deactivates an origin, which the next CORS request no longer passes, and activates it again', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    await changed(org, as, await postForm(org, paths.create, as, fields('Local app', APP, 'scope_CORS')));
    const { id } = (await byOrigin(org, APP))!;

    const afterDeactivate = await changed(org, as, await postForm(org, paths.deactivate(id), as));
    expect(afterDeactivate).toContain('Trusted origin Local app deactivated.');
    expect(afterDeactivate).toContain(`action="${paths.activate(id)}"`);
    expect((await byOrigin(org, APP))?.status).toBe('INACTIVE');
    expect(await corsAllowed(org, APP)).toBe(false);

    expect(await changed(org, as, await postForm(org, paths.activate(id), as))).toContain('Trusted origin Local app activated.');
    expect((await byOrigin(org, APP))?.status).toBe('ACTIVE');
    expect(await corsAllowed(org, APP)).toBe(true);
  });

  it('asks before deleting, deletes only when confirmed, and the origin is no longer trusted', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    await changed(org, as, await postForm(org, paths.create, as, fields('Local app', APP, 'scope_CORS')));
    const { id } = (await byOrigin(org, APP))!;
    const confirmation = await page(org, as, paths.deleteConfirmation(id));
    expect(confirmation).toContain('Delete the trusted origin <strong>Local app</strong>');
    expect(confirmation).toContain(`<form method="post" action="${paths.delete(id)}">`);
    expect(await byOrigin(org, APP)).toBeDefined();

    expect(await changed(org, as, await postForm(org, paths.delete(id), as))).toContain('Trusted origin Local app deleted.');
    expect(await byOrigin(org, APP)).toBeUndefined();
    expect((await org.request(`/api/v1/trustedOrigins/${id}`)).status).toBe(404);
    expect(await corsAllowed(org, APP)).toBe(false);
  });

  it('answers 404 with a console page for a trusted origin that is not there, for its pages and its changes', async () => {
    const org = await createTestOrg();
    const as = await consoleBrowser(org);
    const gone = 'tos00000000000000000';
    for (const path of [paths.editForm(gone), paths.deleteConfirmation(gone)]) {
      const res = await browser(org, path, as.cookie);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain(`There is no trusted origin ${gone}`);
    }
    for (const path of [paths.replace(gone), paths.activate(gone), paths.deactivate(gone), paths.delete(gone)]) {
      const res = await postForm(org, path, as, fields('x', APP, 'scope_CORS'));
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    }
  });
});

describe('the Trusted Origins tab\'s validation is the API\'s', () => {
  const SEEDED = 'http://example.com';
  const cases = [
    { name: 'an origin without a scheme gets E0000001 origin: Origin value is not valid beside Origin URL', input: fields('Bad', 'example.com', 'scope_CORS') },
    { name: 'a blank name gets E0000001 name: The field cannot be left blank beside Name', input: fields('', APP, 'scope_CORS') },
    { name: 'no type ticked gets E0000001 scopes: The field cannot be left blank beside Type', input: fields('No type', APP) },
    { name: 'a wildcard origin for CORS gets E0000001 beside Origin URL', input: fields('Wild', 'https://*.example.com', 'scope_CORS') },
    { name: 'an origin the org already trusts gets E0000001 beside Origin URL', input: fields('Again', SEEDED, 'scope_CORS') },
    { name: 'a name over 255 characters gets E0000001 beside Name', input: fields('n'.repeat(256), APP, 'scope_CORS') },
    { name: 'everything wrong at once gets every cause, each beside its field', input: fields('', 'ftp//x') },
  ];

  it.each(named(cases))('%s, with the text the API gives, status 400, and the form keeps what was typed', async (_name, { input }) => {
    const org = await createTestOrg();
    const before = await apiList(org);
    const scopes = ['CORS', 'REDIRECT', 'IFRAME_EMBED'].filter((t) => `scope_${t}` in input).map((type) => ({ type }));
    const fromApi = await org.request('/api/v1/trustedOrigins', { method: 'POST', json: { name: input.name, origin: input.origin, scopes } });
    expect(fromApi.status).toBe(400);
    const apiError = (await fromApi.json()) as { errorCode: string; errorSummary: string; errorCauses: Array<{ errorSummary: string }> };
    expect(apiError.errorCode).toBe('E0000001');

    const as = await consoleBrowser(org);
    const res = await postForm(org, paths.create, as, input);
    expect(res.status).toBe(400);
    const form = await res.text();
    expect(textOfId(form, 'form-errors')?.split('\n')[0]).toBe(apiError.errorSummary);
    const idOf: Record<string, string> = { name: 'origin-name-error', origin: 'origin-url-error', scopes: 'origin-type-error' };
    const shown = new Map<string, string[]>();
    for (const { errorSummary } of apiError.errorCauses) {
      const id = idOf[errorSummary.split(':')[0]!]!;
      shown.set(id, [...(shown.get(id) ?? []), errorSummary]);
    }
    for (const [id, texts] of shown) expect(textOfId(form, id)?.split('\n'), id).toEqual(texts);
    for (const id of Object.values(idOf)) if (!shown.has(id)) expect(form).not.toContain(`id="${id}"`);
    for (const [field, inputId] of [['name', 'origin-name'], ['origin', 'origin-url']] as const) {
      expect(valueOfInput(form, inputId)).toBe(input[field]);
      const tag = new RegExp(`<input[^>]*id="${inputId}"[^>]*>`).exec(form)![0];
      if (shown.has(idOf[field]!)) expect(tag).toMatch(new RegExp(`aria-invalid="true"`));
      if (shown.has(idOf[field]!)) expect(tag).toContain(idOf[field]);
    }
    expect(isChecked(form, 'origin-type-CORS')).toBe('scope_CORS' in input);
    expect(await apiList(org)).toEqual(before);
  });
});
