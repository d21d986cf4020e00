import type { Context } from 'hono';
import { newId } from '../domain/ids.js';
import type { RandomSource } from '../domain/random.js';
import { OktaApiError } from '../errors.js';
import { jsonResponse, type AppEnv } from '../http.js';

/**
 * The org's one way of answering a failure: an OktaApiError with its own
 * status and body, anything else as Okta's E0000009 (logged, never shown).
 * Used by the org's pre-route step for what it and the API routes throw, and
 * by the app's onError for the pages behind middleware of their own.
 */
export function errorAnswerer(random: RandomSource): (c: Context<AppEnv>, error: unknown) => Response {
  return (c, error) => {
    if (!(error instanceof OktaApiError)) {
      console.error('okta-mock: unexpected error', error);
      error = OktaApiError.of('E0000009');
    }
    const known = error as OktaApiError;
    c.set('errorCode', known.errorCode);
    return jsonResponse(c, known.toBody(newId('errorId', random)), known.status);
  };
}
