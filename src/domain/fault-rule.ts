/**
 * Fault rules: what an operator asks the org to answer instead of (or later
 * than) the real answer. Checking a rule, resolving the answer it gives and
 * finding the rule a request meets are pure; the org's list of rules lives in
 * src/faults.ts.
 */
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.js';
import { CONSOLE_ROOT, CONTROL_PREFIX, isOperatorPath } from './control-path.js';
import type { ValidationCause } from './validate-trusted-origin.js';

/** Longest delay a rule may ask for: long enough for any client timeout test, short enough to never look like a hang. */
export const MAX_DELAY_MS = 60_000;

export const FAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

const RULE_KEYS = ['method', 'path', 'status', 'errorCode', 'delayMs', 'times'] as const;


/** The error a status alone answers with: the one a real org gives for that status; any other 5xx is a 500's body. */
export const DEFAULT_ERROR_FOR_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'E0000003',
  401: 'E0000011',
  403: 'E0000006',
  404: 'E0000007',
  405: 'E0000022',
  429: 'E0000047',
  500: 'E0000009',
};

/** A rule as checked and resolved: what it matches, and the answer it gives. */
export interface FaultRuleSpec {
  /** Upper case; null matches any method. */
  method: string | null;
  /** The routed path; a trailing `*` matches any path that starts with what comes before it. */
  path: string;
  /** The answer's status, or null for a delay that lets the real answer through. */
  status: number | null;
  errorCode: ErrorCode | null;
  delayMs: number | null;
  /** How many more requests it applies to; null until cleared. */
  times: number | null;
}

export interface FaultRule extends FaultRuleSpec {
  id: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && Object.hasOwn(ERROR_CATALOGUE, v);

function pathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'a path is required, e.g. "/api/v1/trustedOrigins"';
  if (!path.startsWith('/')) return `must start with "/", got "${path}"`;
  if (/[?#]/.test(path)) return 'the path only, without a query or fragment (rules match the routed path)';
  if (path.slice(0, -1).includes('*')) return 'a "*" may only end the path';
  const prefix = path.endsWith('*') ? path.slice(0, -1) : path;
  // So an operator can always list and clear the rules.
  if (isOperatorPath(prefix)) return `faults never apply to the control API (${CONTROL_PREFIX}) or the Admin Console (${CONSOLE_ROOT})`;
  return undefined;
}

/**
 * Checks one rule and resolves its answer: `errorCode` alone answers with the
 * catalogue's status, `status` alone with the error a real org gives for it.
 * Every problem is a cause, named by the key (prefixed by `where` for a list).
 */
export function checkFaultRule(input: unknown, where = ''): { rule: FaultRuleSpec } | { problems: ValidationCause[] } {
  const problems: ValidationCause[] = [];
  const problem = (key: string, message: string) => problems.push({ field: `${where}${key}`, message });
  if (!isObject(input)) {
    problem('rule', 'must be a JSON object such as {"path": "/api/v1/trustedOrigins", "status": 500}');
    return { problems };
  }
  for (const key of Object.keys(input)) {
    if (!(RULE_KEYS as readonly string[]).includes(key)) problem(key, `unknown key; a rule takes ${RULE_KEYS.join(', ')}`);
  }
  const { method, path, status, errorCode, delayMs, times } = input;

  const methodName = typeof method === 'string' ? method.toUpperCase() : method;
  if (method !== undefined && !(FAULT_METHODS as readonly unknown[]).includes(methodName)) {
    problem('method', `must be one of ${FAULT_METHODS.join(', ')} (preflights are never faulted)`);
  }
  const badPath = pathProblem(path);
  if (badPath) problem('path', badPath);
  if (status !== undefined && (!isWhole(status) || status < 400 || status > 599)) problem('status', 'must be an error status from 400 to 599');
  if (errorCode !== undefined && !isErrorCode(errorCode)) {
    problem('errorCode', `unknown error code; the emulator answers ${Object.keys(ERROR_CATALOGUE).join(', ')}`);
  }
  if (delayMs !== undefined && (!isWhole(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS)) {
    problem('delayMs', `must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}`);
  }
  if (times !== undefined && (!isWhole(times) || times < 1)) problem('times', 'must be a whole number from 1 (leave it out to apply until cleared)');
  if (status === undefined && errorCode === undefined && delayMs === undefined) {
    problem('rule', 'needs a status, an errorCode or a delayMs');
  }
  const resolvedCode = isErrorCode(errorCode)
    ? errorCode
    : isWhole(status)
      ? (DEFAULT_ERROR_FOR_STATUS[status] ?? (status >= 500 ? 'E0000009' : undefined))
      : undefined;
  if (errorCode === undefined && isWhole(status) && status >= 400 && status < 500 && resolvedCode === undefined) {
    problem('errorCode', `status ${status} has no Okta error of its own: give an errorCode too`);
  }
  if (problems.length > 0) return { problems };

  return {
    rule: {
      method: (methodName as string | undefined) ?? null,
      path: path as string,
      status: resolvedCode === undefined ? null : ((status as number | undefined) ?? ERROR_CATALOGUE[resolvedCode].status),
      errorCode: resolvedCode ?? null,
      delayMs: (delayMs as number | undefined) ?? null,
      times: (times as number | undefined) ?? null,
    },
  };
}

/** Whether `rule` applies to a request; preflights (OPTIONS) never match, the CORS step answers them. */
export function faultRuleMatches(rule: Pick<FaultRuleSpec, 'method' | 'path'>, request: { method: string; path: string }): boolean {
  if (request.method === 'OPTIONS') return false;
  if (rule.method !== null && rule.method !== request.method) return false;
  return rule.path.endsWith('*') ? request.path.startsWith(rule.path.slice(0, -1)) : request.path === rule.path;
}

/** The first rule that applies, in the order they were added. */
export function findFaultRule<R extends FaultRuleSpec>(rules: readonly R[], request: { method: string; path: string }): R | undefined {
  return rules.find((rule) => (rule.times === null || rule.times > 0) && faultRuleMatches(rule, request));
}
