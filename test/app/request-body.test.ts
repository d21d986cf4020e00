import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/request-body.js';
import { createTestOrg } from '../support/org.js';
import { expectOktaError, snapshotTrustedOrigins } from '../support/okta-assertions.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from '../support/session-flow.js';

const TOO_LARGE = [`The request body is larger than ${MAX_BODY_BYTES} bytes.`];

/** A body of `total` bytes sent in 64 KiB chunks; `pulled()` says how many bytes were asked for. */
function streamedBody(total: number, byte = 0x20) {
  const chunk = new Uint8Array(64 * 1024).fill(byte);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

/** A JSON body of exactly `size` bytes: a valid trusted origin padded with spaces. */
function paddedOrigin(size: number): string {
  const json = JSON.stringify({ name: 'Padded', origin: 'https://padded.example', scopes: [{ type: 'CORS' }] });
  return json + ' '.repeat(size - json.length);
}

describe('request bodies on the API', () => {
  it('are accepted up to the limit', async () => {
    const org = await createTestOrg();
    const res = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: paddedOrigin(MAX_BODY_BYTES),
    });
    expect(res.status).toBe(200);
  });

  it('over the limit answer 400 E0000003 with the limit as the cause, and nothing is stored', async () => {
    const org = await createTestOrg();
    const before = snapshotTrustedOrigins(org);
    const res = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: paddedOrigin(MAX_BODY_BYTES + 1),
    });
    await expectOktaError(res, 400, 'E0000003', { summary: 'The request body was not well-formed.', causes: TOO_LARGE });
    expect(snapshotTrustedOrigins(org)).toEqual(before);
  });

  it('declaring a Content-Length over the limit are refused without reading the body (E0000003)', async () => {
    const org = await createTestOrg();
    const body = streamedBody(500 * 1024 * 1024);
    const res = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(500 * 1024 * 1024) },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    await expectOktaError(res, 400, 'E0000003', { causes: TOO_LARGE });
    // A Request may pre-pull a chunk or two into its queue; it must not read on.
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it('streamed without a length are cut off just past the limit (E0000003)', async () => {
    const org = await createTestOrg();
    const body = streamedBody(500 * 1024 * 1024);
    const res = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    await expectOktaError(res, 400, 'E0000003', { causes: TOO_LARGE });
    expect(body.pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * 64 * 1024);
  });

  it('that break off midway answer 400 E0000003, not 500', async () => {
    const org = await createTestOrg();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
        controller.error(new Error('aborted'));
      },
    });
    const res = await org.request('/api/v1/trustedOrigins', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectOktaError(res, 400, 'E0000003', { causes: ['The client stopped sending the request body.'] });
  });
});

describe('the sign-in form', () => {
  const post = (org: Awaited<ReturnType<typeof createTestOrg>>, contentType: string, body: BodyInit) =>
    org.request('/login/login.htm', { method: 'POST', auth: false, headers: { 'Content-Type': contentType }, body });

  it('with broken multipart answers 400 with the sign-in page and its failure message', async () => {
    const org = await createTestOrg();
    const res = await post(org, 'multipart/form-data; boundary=zzz', 'garbage\r\n--not-the-boundary\r\n\x00\xff');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Sign in failed!');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('with a multipart body that has no boundary answers 400 with the sign-in page', async () => {
    const org = await createTestOrg();
    const res = await post(org, 'multipart/form-data', 'username=a');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Sign in failed!');
  });

  it('as well-formed multipart still signs the person in', async () => {
    const org = await createTestOrg();
    const form = new FormData();
    form.set('username', ADMIN_LOGIN);
    form.set('password', ADMIN_PASSWORD);
    const res = await org.request('/login/login.htm', { method: 'POST', auth: false, body: form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="signed-in"');
  });

  it('over the size limit answers 400 E0000003 and starts no session', async () => {
    const org = await createTestOrg();
    const body = `username=${ADMIN_LOGIN}&password=${ADMIN_PASSWORD}&pad=${'x'.repeat(MAX_BODY_BYTES)}`;
    const res = await post(org, 'application/x-www-form-urlencoded', body);
    await expectOktaError(res, 400, 'E0000003', { causes: TOO_LARGE });
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
