/** Calls to an org's control API (and its other paths) through app.fetch, as an operator's script sends them. */
import type { Org } from '../../src/org.js';
import { ORG_URL, TOKEN } from './org.js';

export interface Send {
  method?: string;
  /** The SSWS token; the default one when left out, none with `null`. */
  token?: string | null;
  origin?: string;
  json?: unknown;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function send(org: Org, path: string, init: Send = {}): Promise<Response> {
  await org.ready;
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.Authorization = `SSWS ${token}`;
  if (init.origin !== undefined) headers.Origin = init.origin;
  const method = init.method ?? 'GET';
  let body = init.body;
  // A shared `json` for every call of a table; GET cannot carry it.
  if (init.json !== undefined && method !== 'GET') body = JSON.stringify(init.json);
  if (body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
  return org.app.fetch(new Request(ORG_URL + path, { method, headers, body }));
}
