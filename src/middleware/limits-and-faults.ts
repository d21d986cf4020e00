import type { Context } from 'hono';
import { isOperatorPath } from '../domain/control-path.js';
import type { FaultRule } from '../domain/fault-rule.js';
import { OktaApiError, type ErrorCode } from '../errors.js';
import type { FaultRules } from '../faults.js';
import type { AppEnv } from '../http.js';

/** Codes whose summary names something: a fault names the path it was asked for, as the unknown-path 404 does. */
const SUMMARY_ARGS: Partial<Record<ErrorCode, (path: string) => string[]>> = {
  E0000007: (path) => [path, 'Path'],
  E0000001: () => ['fault'],
};

/** The Okta error a fault rule answers with, or undefined for a delay only. */
function faultError(rule: FaultRule, path: string): OktaApiError | undefined {
  if (rule.errorCode === null || rule.status === null) return undefined;
  const args = SUMMARY_ARGS[rule.errorCode]?.(path) ?? [];
  const error = (OktaApiError.of as (code: ErrorCode, ...a: string[]) => OktaApiError)(rule.errorCode, ...args);
  return error.status === rule.status ? error : error.withStatus(rule.status);
}

/**
 * After the headers and CORS steps, before auth and the routes: a request past
 * an enforced rate limit gets 429 E0000047, then a fault rule it meets answers
 * (or delays) it. Both go through the app's one onError, so they carry the
 * usual headers, CORS included where the path is CORS-enabled. The control API
 * and the Admin Console are never limited or faulted.
 *
 * Returns undefined when the request goes on at once (no fault rule, not
 * refused: the hot path stays synchronous), or a promise that settles when a
 * delay is over; throws the refusal or the fault's error.
 */
export function limitsAndFaultsCheck(faults: FaultRules): (c: Context<AppEnv>) => Promise<void> | undefined {
  return (c) => {
    const path = c.req.path;
    if (isOperatorPath(path)) return undefined;
    if (c.get('rateLimit')?.refused) throw OktaApiError.of('E0000047');
    const rule = faults.take({ method: c.req.method, path });
    if (!rule) return undefined;
    c.set('fault', { id: rule.id });
    const error = faultError(rule, path);
    if (rule.delayMs !== null && rule.delayMs > 0) {
      return faults.delay(rule.delayMs).then(() => {
        if (error) throw error;
      });
    }
    if (error) throw error;
    return undefined;
  };
}
