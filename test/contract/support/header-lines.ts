/**
 * Header lines as the org sent them. A Fetch `Headers` joins repeated names
 * (two `Link` lines become one value), which would hide a joined line on the
 * wire; so the socket and real-org transports read node's `rawHeaders`, and
 * each Response carries its lines here.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { headerLinesOf as appHeaderLinesOf } from '../../../src/http.js';

export type HeaderLine = readonly [name: string, value: string];

const lines = new WeakMap<Response, HeaderLine[]>();

/** Marks `response` as having arrived with exactly these header lines. */
export function withHeaderLines(response: Response, headerLines: HeaderLine[]): Response {
  lines.set(response, headerLines.map(([name, value]) => [name.toLowerCase(), value] as const));
  return response;
}

/** The lines a response arrived with; without a record, one line per name of its `Headers`. */
export function headerLinesOf(response: Response): HeaderLine[] {
  return lines.get(response) ?? [...response.headers];
}

/**
 * Under MSW there is no wire: the lines are the ones the app built the answer
 * with (its repeated lines travel beside the Response), the rest from `Headers`.
 */
export function appHeaderLines(response: Response): Response {
  const repeated = appHeaderLinesOf(response);
  if (!repeated) return response;
  const names = new Set(repeated.map(([name]) => name.toLowerCase()));
  const rest = [...response.headers].filter(([name]) => !names.has(name));
  return withHeaderLines(response, [...rest, ...repeated]);
}

/** `fetch` over node:http(s), keeping the raw header lines; never follows redirects. */
export async function fetchKeepingHeaderLines(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const outgoing = send(url, { method: request.method, headers: Object.fromEntries(request.headers) }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const raw: HeaderLine[] = [];
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) raw.push([incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!]);
        const status = incoming.statusCode ?? 0;
        const text = Buffer.concat(chunks);
        const headers = new Headers();
        for (const [name, value] of raw) headers.append(name, value);
        const noBody = status === 204 || status === 304 || request.method === 'HEAD';
        resolve(withHeaderLines(new Response(noBody ? null : text, { status, headers }), raw));
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
