import type { components } from './generated/openapi.js';

/**
 * Every Okta error the emulator can answer with, as data. Routes and domain
 * code raise `OktaApiError`; the app's single `onError` turns it into Okta's
 * body. Summaries are Okta's texts (see contracts/SOURCE.md for where each
 * one comes from).
 */
export const ERROR_CATALOGUE = {
  E0000001: { status: 400, summary: (field: string) => `Api validation failed: ${field}` },
  E0000003: { status: 400, summary: () => 'The request body was not well-formed.' },
  E0000004: { status: 401, summary: () => 'Authentication failed' },
  E0000005: { status: 403, summary: () => 'Invalid session' },
  E0000006: { status: 403, summary: () => 'You do not have permission to perform the requested action' },
  E0000007: {
    status: 404,
    summary: (id: string, entity: string) => `Not found: Resource not found: ${id} (${entity})`,
  },
  E0000011: { status: 401, summary: () => 'Invalid token provided' },
  // Okta's catalogue really has two spaces after "request." for this one.
  E0000021: {
    status: 400,
    summary: () => 'Bad request.  Accept and/or Content-Type headers likely do not match supported values.',
  },
  E0000022: { status: 405, summary: () => 'The endpoint does not support the provided HTTP method' },
  E0000029: { status: 400, summary: () => 'Invalid paging request.' },
  E0000031: { status: 400, summary: () => 'Invalid search criteria.' },
  E0000009: { status: 500, summary: () => 'Internal Server Error' },
  E0000047: { status: 429, summary: () => 'API call exceeded rate limit due to too many requests.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
type SummaryArgs<C extends ErrorCode> = Parameters<(typeof ERROR_CATALOGUE)[C]['summary']>;

export type ErrorCause = components['schemas']['ErrorCause'];

/** Okta's error body (the contract's `Error`), with its keys in Okta's wire order. */
export type OktaErrorBody = components['schemas']['Error'] & { errorCode: ErrorCode; errorLink: ErrorCode };

export class OktaApiError extends Error {
  readonly errorCode: ErrorCode;
  readonly status: number;
  readonly errorSummary: string;
  readonly errorCauses: ErrorCause[];

  private constructor(code: ErrorCode, summary: string, causes: ErrorCause[], status: number = ERROR_CATALOGUE[code].status) {
    super(`${code} ${summary}`);
    this.name = 'OktaApiError';
    this.errorCode = code;
    this.status = status;
    this.errorSummary = summary;
    this.errorCauses = causes;
  }

  static of<C extends ErrorCode>(code: C, ...args: SummaryArgs<C>): OktaApiError {
    const summarize = ERROR_CATALOGUE[code].summary as (...a: SummaryArgs<C>) => string;
    return new OktaApiError(code, summarize(...args), []);
  }

  /** E0000001: the summary names the first failing field; every failure is a cause. */
  static validation(causes: ReadonlyArray<{ field: string; message: string }>): OktaApiError {
    const first = causes[0];
    if (!first) throw new TypeError('a validation error needs at least one cause');
    return new OktaApiError(
      'E0000001',
      ERROR_CATALOGUE.E0000001.summary(first.field),
      causes.map((c) => ({ errorSummary: `${c.field}: ${c.message}` })),
    );
  }

  withCauses(causes: ErrorCause[]): OktaApiError {
    return new OktaApiError(this.errorCode, this.errorSummary, causes, this.status);
  }

  /** The same error under another status (a fault rule may answer any code with any error status). */
  withStatus(status: number): OktaApiError {
    return new OktaApiError(this.errorCode, this.errorSummary, this.errorCauses, status);
  }

  toBody(errorId: string): OktaErrorBody {
    return {
      errorCode: this.errorCode,
      errorSummary: this.errorSummary,
      errorLink: this.errorCode,
      errorId,
      errorCauses: this.errorCauses,
    };
  }
}

export const notFound = (id: string, entity = 'TrustedOrigin'): OktaApiError =>
  OktaApiError.of('E0000007', id, entity);
