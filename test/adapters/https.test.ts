/** `--https`, `--cert`/`--key`: the CLI serving HTTPS, end to end over a real TLS socket. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type PeerCertificate } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, stopAllClis, type RunningCli } from '../support/cli.js';

const FINGERPRINT_LINE = /^TLS certificate generated for localhost, 127\.0\.0\.1 and ::1, SHA-256 fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2}) /m;

/** The certificate the server presents, read off a TLS handshake (not verified: it is self-signed). */
function peerCertificate(port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.on('error', reject);
  });
}

/** One HTTPS exchange, the self-signed certificate accepted, headers as raw lines. */
function httpsGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; rawHeaders: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, rawHeaders: res.rawHeaders, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const setCookieLines = (raw: string[]) => raw.filter((_, i) => i % 2 === 1 && /^set-cookie$/i.test(raw[i - 1]!));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'okta-mock-https-'));
});
afterAll(async () => {
  await stopAllClis();
  rmSync(dir, { recursive: true, force: true });
});

describe('--https with a generated certificate', () => {
  let cli: RunningCli;
  beforeAll(async () => {
    cli = await startCli(['--https']);
  });

  it('prints the https:// URL and the SHA-256 fingerprint of the certificate it serves', async () => {
    expect(cli.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const printed = FINGERPRINT_LINE.exec(cli.stdout())?.[1];
    expect(printed).toBeDefined();
    expect((await peerCertificate(cli.port)).fingerprint256).toBe(printed);
  });

  it('serves a certificate for localhost, 127.0.0.1 and ::1', async () => {
    const cert = await peerCertificate(cli.port);
    expect(cert.subjectaltname).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  });

  it('answers the API over TLS with the same headers and Link lines', async () => {
    const res = await httpsGet(`${cli.url}/api/v1/trustedOrigins?limit=1`, { Authorization: `SSWS ${cli.token}` });
    expect(res.status).toBe(200);
    const links = res.rawHeaders.filter((_, i) => i % 2 === 1 && /^link$/i.test(res.rawHeaders[i - 1]!));
    expect(links).toEqual([
      `<${cli.url}/api/v1/trustedOrigins?limit=1>; rel="self"`,
      `<${cli.url}/api/v1/trustedOrigins?after=tosue7JvguwJ7U6kz0g3&limit=1>; rel="next"`,
    ]);
  });

  it('sets the sid cookie with Secure and SameSite=None on sign-in over HTTPS', async () => {
    const authn = await new Promise<string>((resolve, reject) => {
      const req = request(`${cli.url}/api/v1/authn`, { method: 'POST', rejectUnauthorized: false, headers: { 'Content-Type': 'application/json' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve((JSON.parse(body) as { sessionToken: string }).sessionToken));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ username: 'admin@example.com', password: 'okta-mock' }));
    });
    const query = new URLSearchParams({ token: authn, redirectUrl: 'https://rf.example.com/app' });
    const res = await httpsGet(`${cli.url}/login/sessionCookieRedirect?${query}`);
    expect(res.status).toBe(302);
    const [sid] = setCookieLines(res.rawHeaders).filter((c) => c.startsWith('sid='));
    expect(sid).toMatch(/^sid=102[A-Za-z0-9_-]{22}; Path=\/; HttpOnly; Secure; SameSite=None$/);
  });
});

describe('--cert and --key', () => {
  afterEach(() => stopAllClis());

  it('serves the given certificate and prints no fingerprint line for it', async () => {
    const pair = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec', curve: 'P-256' });
    writeFileSync(join(dir, 'own.pem'), pair.cert);
    writeFileSync(join(dir, 'own-key.pem'), pair.private);
    const cli = await startCli(['--cert', join(dir, 'own.pem'), '--key', join(dir, 'own-key.pem')]);
    expect(cli.url).toMatch(/^https:\/\//);
    expect(cli.stdout()).not.toMatch(FINGERPRINT_LINE);
    const served = await peerCertificate(cli.port);
    expect(served.raw.toString('base64')).toBe(pair.cert.replace(/-----[A-Z ]+-----|\s/g, ''));
  });

  const otherPair = async () => generate([{ name: 'commonName', value: 'other' }], { keyType: 'ec', curve: 'P-256' });
  const bad: Array<{ name: string; files: () => Promise<string[]>; message: RegExp }> = [
    { name: 'a missing certificate file', files: async () => ['--cert', join(dir, 'missing.pem'), '--key', join(dir, 'missing-key.pem')], message: /^okta-mock: cannot read --cert .*missing\.pem: ENOENT\n$/ },
    {
      name: 'a certificate file that is not PEM',
      files: async () => {
        writeFileSync(join(dir, 'junk.pem'), 'not a certificate');
        writeFileSync(join(dir, 'junk-key.pem'), (await otherPair()).private);
        return ['--cert', join(dir, 'junk.pem'), '--key', join(dir, 'junk-key.pem')];
      },
      message: /^okta-mock: --cert .*junk\.pem is not a PEM certificate\n$/,
    },
    {
      name: 'a key file that is not a key',
      files: async () => {
        writeFileSync(join(dir, 'ok.pem'), (await otherPair()).cert);
        writeFileSync(join(dir, 'junk-key2.pem'), 'not a key');
        return ['--cert', join(dir, 'ok.pem'), '--key', join(dir, 'junk-key2.pem')];
      },
      message: /^okta-mock: --key .*junk-key2\.pem is not a PEM private key \(an unencrypted one is needed\)\n$/,
    },
    {
      name: 'a key that belongs to another certificate',
      files: async () => {
        writeFileSync(join(dir, 'a.pem'), (await otherPair()).cert);
        writeFileSync(join(dir, 'b-key.pem'), (await otherPair()).private);
        return ['--cert', join(dir, 'a.pem'), '--key', join(dir, 'b-key.pem')];
      },
      message: /^okta-mock: --key .*b-key\.pem is not the private key of --cert .*a\.pem\n$/,
    },
    { name: '--cert without --key', files: async () => ['--cert', join(dir, 'a.pem')], message: /^okta-mock: --cert and --key go together: give both files \(see --help\)\n$/ },
  ];
  it.each(bad.map((b) => [b.name, b] as const))('refuses %s with one line on stderr and exit 1', async (_name, { files, message }) => {
    const run = await runCli(['--port', '0', ...(await files())]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
