import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/journal.js';
import { formatJsonLine, formatLogLine } from '../../src/log-line.js';
import { named } from './table.js';

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  requestId: 'a'.repeat(32),
  time: '2026-01-02T03:04:05.678Z',
  method: 'GET',
  path: '/api/v1/users/me',
  query: '',
  status: 200,
  durationMs: 1.25,
  origin: null,
  auth: 'none',
  errorCode: null,
  decision: null,
  ...over,
});

const REFUSED_CORS = {
  kind: 'cors' as const,
  subject: 'http://127.0.0.1:3000',
  allowed: false,
  trustedOriginId: 'tosLOCALxxxxxxxxxxx',
  reason: 'http://127.0.0.1:3000 is not a trusted origin for CORS',
  hint: 'http://localhost:3000 is (tosLOCALxxxxxxxxxxx): browsers treat localhost and 127.0.0.1 as different origins',
};

describe('formatLogLine', () => {
  const cases = [
    { name: 'prints time, method, path, status and duration for an ordinary request', input: entry(), expected: '03:04:05 GET /api/v1/users/me 200 1.25ms' },
    {
      name: 'prints the (already redacted) query after the path',
      input: entry({ path: '/login/sessionCookieRedirect', query: 'token=[redacted]&redirectUrl=x', status: 302 }),
      expected: '03:04:05 GET /login/sessionCookieRedirect?token=[redacted]&redirectUrl=x 302 1.25ms',
    },
    { name: 'prints the Okta error code after the status', input: entry({ status: 404, errorCode: 'E0000007' }), expected: '03:04:05 GET /api/v1/users/me 404 E0000007 1.25ms' },
    {
      name: 'adds nothing for an allowed decision',
      input: entry({ decision: { ...REFUSED_CORS, allowed: true, reason: 'http://localhost:3000 is a trusted origin for CORS', hint: null } }),
      expected: '03:04:05 GET /api/v1/users/me 200 1.25ms',
    },
    {
      name: 'adds the reason and the hint of a refused CORS decision on lines starting with !',
      input: entry({ method: 'OPTIONS', decision: REFUSED_CORS }),
      expected: [
        '03:04:05 OPTIONS /api/v1/users/me 200 1.25ms',
        '  ! CORS refused: http://127.0.0.1:3000 is not a trusted origin for CORS',
        '  ! hint: http://localhost:3000 is (tosLOCALxxxxxxxxxxx): browsers treat localhost and 127.0.0.1 as different origins',
      ].join('\n'),
    },
    {
      name: 'adds only the reason of a refused redirect without a hint',
      input: entry({
        path: '/login/signout',
        status: 302,
        decision: { kind: 'redirect', subject: 'http://evil.example/', allowed: false, trustedOriginId: null, reason: 'http://evil.example is not a trusted origin for REDIRECT', hint: null },
      }),
      expected: '03:04:05 GET /login/signout 302 1.25ms\n  ! redirect refused: http://evil.example is not a trusted origin for REDIRECT',
    },
    {
      name: 'escapes control characters so a hostile target cannot drive the terminal',
      input: entry({ path: '/login/signout', query: 'fromURI=%0A', decision: { kind: 'redirect', subject: 'x', allowed: false, trustedOriginId: null, reason: 'bad\x1b[2J\ntarget', hint: null } }),
      expected: '03:04:05 GET /login/signout?fromURI=%0A 200 1.25ms\n  ! redirect refused: bad\\x1b[2J\\x0atarget',
    },
    {
      name: 'adds a line naming the fault rule that answered or delayed the request',
      input: entry({ status: 500, errorCode: 'E0000009', fault: { id: 'flt1' } }),
      expected: '03:04:05 GET /api/v1/users/me 500 E0000009 1.25ms\n  ! fault rule flt1 applied (GET /__okta-mock/faults lists the rules)',
    },
    {
      name: 'adds a line saying a 429 E0000047 came from --rate-limit',
      input: entry({ status: 429, errorCode: 'E0000047' }),
      expected: '03:04:05 GET /api/v1/users/me 429 E0000047 1.25ms\n  ! rate limited: this endpoint family used up --rate-limit for its minute; 429 until X-Rate-Limit-Reset',
    },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => {
    expect(formatLogLine(input, { color: false })).toBe(expected);
  });

  it('colours the status and the refusal lines only when asked', () => {
    const coloured = formatLogLine(entry({ status: 403, errorCode: 'E0000005', decision: REFUSED_CORS }), { color: true });
    expect(coloured).toContain('\x1b[33m403 E0000005\x1b[0m');
    expect(coloured).toContain('\x1b[31m  ! CORS refused:');
    expect(formatLogLine(entry({ decision: REFUSED_CORS }), { color: false })).not.toContain('\x1b');
  });
});

describe('formatJsonLine', () => {
  it('prints the journal entry as one line of JSON that parses back to the same entry', () => {
    const e = entry({ decision: REFUSED_CORS });
    const line = formatJsonLine(e);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(e);
  });
});
