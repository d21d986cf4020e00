/**
 * Proof that the suite catches drift. The emulator target is wrapped in a
 * layer that alters its answers, one deviation at a time (the emulator itself
 * has no test-only switch); the case runner (not vitest expectations) runs the
 * whole suite on it and must report the deviation as a failure.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES } from './cases/index.js';
import { headerLinesOf, withHeaderLines } from './support/header-lines.js';
import { passed, runCase, runCases, type CaseResult } from './support/runner.js';
import { writeSafely } from './support/snapshots.js';
import { alterResponses, createTarget } from './support/target.js';
import { mswTransport } from './support/transports.js';

type Alter = (request: Request, response: Response) => Promise<Response>;

/** A copy of `response` with another status, headers or body. */
async function rebuild(response: Response, change: { status?: number; headers?: (h: Headers) => void; body?: (text: string) => string }): Promise<Response> {
  const headers = new Headers(response.headers);
  change.headers?.(headers);
  const text = await response.text();
  const body = change.body ? change.body(text) : text;
  return new Response(body === '' ? null : body, { status: change.status ?? response.status, headers });
}

const path = (request: Request) => new URL(request.url).pathname;
const ID_PATH = /^\/api\/v1\/trustedOrigins\/[^/]+$/;

interface Deviation {
  name: string;
  /** A case that must catch it, and the start of a differing path it must report. */
  caughtBy: string;
  reports: string;
  alter: Alter;
}

const DEVIATIONS: Deviation[] = [
  {
    name: 'a wrong status: create answers 201',
    caughtBy: 'create',
    reports: '[0].status',
    alter: async (req, res) => (req.method === 'POST' && path(req) === '/api/v1/trustedOrigins' && res.status === 200 ? rebuild(res, { status: 201 }) : res),
  },
  {
    name: 'a missing header: GET of one origin without X-Okta-Request-Id',
    caughtBy: 'get',
    reports: '[0].headers.x-okta-request-id',
    alter: async (req, res) => (req.method === 'GET' && ID_PATH.test(path(req)) ? rebuild(res, { headers: (h) => h.delete('X-Okta-Request-Id') }) : res),
  },
  {
    name: 'a changed error text: the 404 summary loses "Not found: "',
    caughtBy: 'not-found',
    reports: '[0].body.errorSummary',
    alter: async (_req, res) => (res.status === 404 ? rebuild(res, { body: (t) => t.replace('Not found: Resource', 'Resource') }) : res),
  },
  {
    name: 'a wrong _links key order: deactivate before self',
    caughtBy: 'create',
    reports: '[0].body._links (key order)',
    alter: async (_req, res) =>
      res.status === 200 && res.headers.get('content-type')?.includes('json')
        ? rebuild(res, { body: (t) => t.replace(/"_links":\{("self":\{[^}]*\}\}),("deactivate":\{[^}]*\}\})\}/g, '"_links":{$2,$1}') })
        : res,
  },
  {
    name: 'a broken next cursor: after names the first item of the page, not the last',
    caughtBy: 'list-pagination-q',
    reports: '[0].headers.link',
    alter: async (_req, res) => {
      const link = res.headers.get('Link');
      if (!link?.includes('rel="next"')) return res;
      const text = await res.clone().text();
      const first = (JSON.parse(text) as Array<{ id: string }>)[0]!.id;
      return rebuild(res, { headers: (h) => h.set('Link', link.replace(/after=[^&>]+/, `after=${first}`)) });
    },
  },
  {
    name: 'Link relations joined on one line',
    caughtBy: 'list-pagination-q',
    reports: '[0].headers.link',
    alter: async (_req, res) => {
      const lines = headerLinesOf(res);
      const links = lines.filter(([name]) => name.toLowerCase() === 'link');
      if (links.length < 2) return res;
      // What a server writing the Fetch Headers value would put on the wire: one line, relations joined by ", ".
      const joined = [...lines.filter(([name]) => name.toLowerCase() !== 'link'), ['link', links.map(([, v]) => v).join(', ')] as const];
      return withHeaderLines(await rebuild(res, {}), joined);
    },
  },
  {
    name: 'a CORS header on an untrusted origin',
    caughtBy: 'cors-preflight-untrusted',
    reports: '[0].headers.access-control-allow-origin',
    alter: async (req, res) => {
      const origin = req.headers.get('Origin');
      return origin && !res.headers.has('Access-Control-Allow-Origin') ? rebuild(res, { headers: (h) => h.set('Access-Control-Allow-Origin', origin) }) : res;
    },
  },
];

async function runWith(alter: Alter | undefined): Promise<CaseResult[]> {
  const transport = mswTransport();
  const target = createTarget(alter ? alterResponses(transport, alter) : transport, []);
  await target.setup();
  try {
    return await runCases(target, CASES);
  } finally {
    await target.teardown();
  }
}

const summary: Array<{ deviation: string; caughtBy: string[]; expected: string; evidence: string }> = [];

describe('the contract suite catches drift', () => {
  afterAll(() => {
    const dir = process.env.OKTA_CONTRACT_REPORT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeSafely(join(dir, 'drift.json'), `${JSON.stringify(summary, null, 2)}\n`);
  });

  it('passes every case on the unaltered emulator (the baseline)', async () => {
    const results = await runWith(undefined);
    expect(results.filter((r) => !passed(r)).map((r) => r.case)).toEqual([]);
  });

  it('reports a deviation listed as a known difference as known, with its reason, not as a failure', async () => {
    const missingHeader = DEVIATIONS[1]!;
    const reason = 'an example reason';
    const target = createTarget(alterResponses(mswTransport(), missingHeader.alter), [
      { case: 'get', paths: ['[*].headers.x-okta-request-id'], reason },
    ]);
    await target.setup();
    try {
      const result = await runCase(target, CASES.find((c) => c.id === 'get')!);
      expect({ outcome: result.outcome, passed: passed(result), reasons: result.knownReasons }).toEqual({ outcome: 'known difference', passed: true, reasons: [reason] });
    } finally {
      await target.teardown();
    }
  });

  it.each(DEVIATIONS.map((d) => [d.name, d] as const))('fails on %s', async (_name, deviation) => {
    const failed = (await runWith(deviation.alter)).filter((r) => !passed(r));
    const catcher = failed.find((r) => r.case === deviation.caughtBy);
    expect(failed.map((r) => r.case)).toContain(deviation.caughtBy);
    expect(catcher!.differingPaths.filter((p) => p.startsWith(deviation.reports))).not.toEqual([]);
    summary.push({
      deviation: deviation.name,
      caughtBy: failed.map((r) => r.case),
      expected: `${deviation.caughtBy} reports ${deviation.reports}`,
      evidence: [catcher!.differingPaths.slice(0, 3).join(', '), ...catcher!.schemaErrors.slice(0, 1)].filter(Boolean).join(' | '),
    });
  });
});
