import { connect } from 'node:net';

export interface RawResponse {
  /** Everything the server sent, byte for byte (latin1, so any byte maps to one character). */
  raw: string;
  statusLine: string;
  /** Header lines as sent, `Name: value`, in order. */
  headerLines: string[];
  body: string;
}

/** Sends `request` as raw bytes and reads until the server closes (send `Connection: close`). */
export function rawRequest(port: number, request: string | Buffer, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const split = raw.indexOf('\r\n\r\n');
      const head = split === -1 ? raw : raw.slice(0, split);
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      resolve({ raw, statusLine, headerLines, body: split === -1 ? '' : raw.slice(split + 4) });
    });
    socket.end(request);
  });
}

/** The values of header `name` (case-insensitive) exactly as they appear on the wire. */
export function headerValues(response: RawResponse, name: string): string[] {
  const prefix = `${name.toLowerCase()}:`;
  return response.headerLines.filter((l) => l.toLowerCase().startsWith(prefix)).map((l) => l.slice(prefix.length).trim());
}
