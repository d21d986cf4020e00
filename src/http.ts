import type { Context } from 'hono';
import { OktaApiError } from './errors.js';
import type { UserRecord } from './store/schemas.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    actor: UserRecord;
  };
}

/** The org URL as this request reached it: links point back where the caller came from. */
export function orgUrlOf(c: Context): string {
  return new URL(c.req.url).origin;
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** Reads a JSON request body the way Okta binds one: wrong media type E0000021, unparsable E0000003. */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('Content-Type') ?? '')) throw OktaApiError.of('E0000021');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw OktaApiError.of('E0000003');
  }
}
