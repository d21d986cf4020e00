import type { ServerResponse } from 'node:http';
import { answerPartsOf } from './http.js';

/**
 * Puts an answer's repeated header lines (one `Link` per relation) on the
 * socket as separate lines. The Response's own `Headers` has them joined into
 * one value; so the answer is rebuilt from its parts with a plain header
 * object whose repeated names hold arrays: @hono/node-server hands that object
 * to node's writeHead as it is (its fast path, no `Headers` built), and node
 * writes one line per array entry. `Response` here is @hono/node-server's own
 * (it replaces the global when node.ts creates the server), and the rebuilt
 * one goes only to the socket; whoever else reads the answer sees the original.
 */
export function writeHeaderLinesApart(response: Response, outgoing: ServerResponse | undefined): Response {
  const parts = outgoing ? answerPartsOf(response) : undefined;
  if (!parts) return response;
  return new Response(parts.body, { status: parts.status, headers: parts.headers as unknown as Record<string, string> });
}
