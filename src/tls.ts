import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** What `startServer({ https })` takes: `true` for a certificate made at start, or the user's own PEM files. */
export type HttpsOption = true | { certFile: string; keyFile: string };

export interface TlsCredentials {
  cert: string;
  key: string;
  /** Whether the emulator made the certificate itself (browsers will not trust it without being told to). */
  generated: boolean;
  /** SHA-256 of the DER certificate, colon-separated upper-case hex, as browsers and openssl show it. */
  fingerprint256: string;
}

export class TlsSetupError extends Error {
  override name = 'TlsSetupError';
}

/** The names a loopback org is reached by; the certificate covers each. */
const LOOPBACK_NAMES = [
  { type: 2 as const, value: 'localhost' },
  { type: 7 as const, ip: '127.0.0.1' },
  { type: 7 as const, ip: '::1' },
];

async function generate(): Promise<{ cert: string; key: string }> {
  // Loaded only for --https: start-up without it never pays for the certificate library.
  const { generate: selfSigned } = await import('selfsigned');
  const now = Date.now();
  const result = await selfSigned([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 30 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: LOOPBACK_NAMES },
    ],
  });
  return { cert: result.cert, key: result.private };
}

async function readPem(flag: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new TlsSetupError(`cannot read ${flag} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Checks that the pair is a PEM certificate and its own private key, so a bad file fails at start, not on the first request. */
function check(cert: string, key: string, files?: { certFile: string; keyFile: string }): X509Certificate {
  const certName = files ? `--cert ${files.certFile}` : 'the generated certificate';
  const keyName = files ? `--key ${files.keyFile}` : 'the generated key';
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new TlsSetupError(`${certName} is not a PEM certificate`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsSetupError(`${keyName} is not a PEM private key (an unencrypted one is needed)`);
  }
  if (!x509.checkPrivateKey(privateKey)) throw new TlsSetupError(`${keyName} is not the private key of ${certName}`);
  return x509;
}

export async function tlsCredentials(option: HttpsOption): Promise<TlsCredentials> {
  const files = option === true ? undefined : option;
  const { cert, key } = files
    ? { cert: await readPem('--cert', files.certFile), key: await readPem('--key', files.keyFile) }
    : await generate();
  const x509 = check(cert, key, files);
  return { cert, key, generated: files === undefined, fingerprint256: x509.fingerprint256 };
}
