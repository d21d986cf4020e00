import type { ServerResponse } from 'node:http';
import { answerPartsOf } from './http.js';

/**
 * Puts an answer's repeated header lines (one `Link` per relation) on the node
 * response as separate lines. The Response's own `Headers` has them joined
 * into one value; so the answer is rebuilt from its parts with a plain header
 * object (the node server's fast path, no `Headers` built) and node writes
 * each repeated name's array, one line per entry, merged with the rest.
 */
export function writeHeaderLinesApart(response: Response, outgoing: ServerResponse | undefined): Response {
  const parts = outgoing ? answerPartsOf(response) : undefined;
  if (!parts || !outgoing) return response;
  for (const [name, values] of parts.repeated) outgoing.setHeader(name, values);
  return new Response(parts.body, { status: parts.status, headers: parts.headers });
}
