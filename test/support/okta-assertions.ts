import { expect } from 'vitest';
import type { TestOrg } from './org.js';

/** Okta's error body keys, in Okta's wire order (okta-facts.md §4.1). */
export const ERROR_KEYS = ['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses'] as const;
export const ERROR_ID = /^oae[A-Za-z0-9_-]{22}$/;
export const REQUEST_ID = /^[0-9a-f]{32}$/;

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: Array<{ errorSummary: string }>;
}

/**
 * Asserts that `res` is an Okta error with `status` and `code` (and, when
 * given, `summary` and `causes`), with Okta's keys in Okta's order.
 */
export async function expectOktaError(
  res: Response,
  status: number,
  code: string,
  expected: { summary?: string; causes?: string[] } = {},
): Promise<OktaErrorBody> {
  const text = await res.text();
  expect({ status: res.status, text }).toMatchObject({ status });
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as OktaErrorBody;
  expect(Object.keys(body)).toEqual([...ERROR_KEYS]);
  expect(body.errorCode).toBe(code);
  expect(body.errorLink).toBe(code);
  expect(body.errorId).toMatch(ERROR_ID);
  if (expected.summary !== undefined) expect(body.errorSummary).toBe(expected.summary);
  if (expected.causes !== undefined) expect(body.errorCauses).toEqual(expected.causes.map((errorSummary) => ({ errorSummary })));
  return body;
}

/** A deep copy of everything the org holds about trusted origins, for before/after comparisons. */
export function snapshotTrustedOrigins(org: TestOrg): unknown {
  return structuredClone(org.store.trustedOrigins.all().map((r) => ({ ...r })));
}

/** The `Link` values of a response, one per relation (`self`, `next`), as `{ rel: url }`. */
export function linkRelations(res: Response): Array<{ rel: string; url: string }> {
  const raw = res.headers.get('Link');
  if (raw === null) return [];
  return raw.split(/,\s*(?=<)/).map((part) => {
    const m = /^<([^>]*)>;\s*rel="([^"]+)"$/.exec(part.trim());
    if (!m) throw new Error(`not a Link value: ${part}`);
    return { rel: m[2]!, url: m[1]! };
  });
}

/** A clock the test moves by hand. */
export function steppingClock(start = '2026-01-02T03:04:05.678Z') {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance(seconds: number) {
      at += seconds * 1000;
    },
  };
}
