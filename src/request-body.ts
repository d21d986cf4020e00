import { OktaApiError } from './errors.js';

/**
 * The largest request body the org reads: 1 MiB. A trusted origin is a few
 * hundred bytes and a sign-in form less than that, so no real request comes
 * near it, while a client streaming gigabytes cannot fill the server's memory.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (limit: number) =>
  OktaApiError.of('E0000003').withCauses([{ errorSummary: `The request body is larger than ${limit} bytes.` }]);

const stoppedSending = () =>
  OktaApiError.of('E0000003').withCauses([{ errorSummary: 'The client stopped sending the request body.' }]);

/**
 * Reads a request body, refusing one over `limit` bytes before it is read in full:
 * at once from its Content-Length, else (chunked) as soon as the count passes the limit.
 * A body the client stops sending midway is a malformed request, not a server fault.
 */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (declared !== null && /^\d+$/.test(declared)) {
    // The HTTP parser never delivers more than Content-Length, so the limit already holds; reading
    // whole takes the node server's direct path instead of a web stream (the hot path of a create).
    try {
      return new Uint8Array(await request.arrayBuffer());
    } catch {
      throw stoppedSending();
    }
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      throw stoppedSending();
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(step.value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

const utf8 = new TextDecoder();

/** `declared`: the request's Content-Length where the caller read it already (null: none sent). */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES, declared = request.headers.get('Content-Length')): Promise<string> {
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) <= limit) {
    // As in readBodyBytes; text() decodes the node server's buffer where it lies, without a copy.
    try {
      return await request.text();
    } catch {
      throw stoppedSending();
    }
  }
  return utf8.decode(await readBodyBytes(request, limit));
}

/**
 * A form body (urlencoded or multipart) as fields, or undefined when it is
 * not a form or cannot be parsed (broken multipart, wrong boundary).
 */
export async function readFormFields(request: Request, limit = MAX_BODY_BYTES): Promise<Map<string, string> | undefined> {
  const bytes = await readBodyBytes(request, limit);
  const contentType = request.headers.get('Content-Type') ?? '';
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return undefined;
  }
  const fields = new Map<string, string>();
  for (const [name, value] of form) {
    if (typeof value === 'string' && !fields.has(name)) fields.set(name, value);
  }
  return fields;
}
