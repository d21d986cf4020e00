import type { ServerResponse } from 'node:http';
import { headerLinesOf } from './http.js';

/**
 * Puts an answer's repeated header lines (one `Link` per relation) on the node
 * response as separate lines. The Response's own `Headers` has them joined
 * into one value, so that value is dropped and node writes the array, one
 * line per entry, merged with what @hono/node-server writes afterwards.
 */
export function writeHeaderLinesApart(response: Response, outgoing: ServerResponse | undefined): Response {
  const lines = headerLinesOf(response);
  if (!lines || !outgoing) return response;
  const byName = new Map<string, string[]>();
  for (const [name, value] of lines) byName.set(name, [...(byName.get(name) ?? []), value]);
  for (const [name, values] of byName) {
    if (values.length < 2) continue;
    response.headers.delete(name);
    outgoing.setHeader(name, values);
  }
  return response;
}
