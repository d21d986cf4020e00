/**
 * Checks a raw (not normalised) answer against contracts/trusted-origins.openapi.yaml
 * with Ajv's draft 2020-12 validator (OpenAPI 3.1 schemas are 2020-12): the
 * status must be declared for the operation, the body must match the declared
 * JSON schema (or be empty when none is declared), and every declared header
 * that is present must match its schema. Errors name the path and the field.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const CONTRACT = new URL('../../../contracts/trusted-origins.openapi.yaml', import.meta.url);
const DOC_ID = 'okta-mock-openapi';

type Json = Record<string, unknown>;
const doc = parse(readFileSync(CONTRACT, 'utf8')) as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(doc, DOC_ID);
const compiled = new Map<string, ValidateFunction>();

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

function at(pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** Follows `$ref`s inside the document; returns the object and its pointer. */
function deref(pointer: string): { node: Json; pointer: string } {
  let node = at(pointer) as Json;
  while (node && typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
    pointer = node.$ref.slice(1);
    node = at(pointer) as Json;
  }
  return { node, pointer };
}

function validatorAt(pointer: string): ValidateFunction {
  const known = compiled.get(pointer);
  if (known) return known;
  const validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
  compiled.set(pointer, validate);
  return validate;
}

function describeError(where: string, error: ErrorObject): string {
  const field =
    error.keyword === 'required'
      ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
      : error.instancePath || '(root)';
  return `${where}${field === '(root)' ? '' : field}: ${error.message ?? error.keyword}${
    error.keyword === 'enum' ? ` ${JSON.stringify((error.params as { allowedValues: unknown }).allowedValues)}` : ''
  }`;
}

/** The operation of the contract a request falls under, as a pointer, or the reason none applies. */
export function findOperation(method: string, path: string): { pointer: string; operationId: string } | { response: string } {
  const paths = doc.paths as Json;
  const clean = path.replace(/\/{2,}/g, '/').split('?')[0]!;
  for (const template of Object.keys(paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!pattern.test(clean)) continue;
    const item = paths[template] as Json;
    const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    const op = item[verb] as Json | undefined;
    if (op) return { pointer: `/paths/${escapePointer(template)}/${verb}`, operationId: String(op.operationId) };
    if (!clean.startsWith('/api/')) return { response: '/components/responses/PathNotFound' };
    const cors = Object.keys(item).includes('options');
    return { response: `/components/responses/${cors ? 'CorsMethodNotAllowed' : 'MethodNotAllowed'}` };
  }
  return { response: '/components/responses/PathNotFound' };
}

export interface RawAnswer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/** Schema errors of one answer; empty when it conforms. */
export function checkAgainstContract(answer: RawAnswer): string[] {
  const found = findOperation(answer.method, answer.path);
  const label = `${answer.method} ${answer.path.split('?')[0]} → ${answer.status}`;
  let responsePointer: string;
  if ('response' in found) {
    responsePointer = found.response;
    if (answer.status !== (found.response.endsWith('PathNotFound') ? 404 : 405)) {
      return [`${label}: the contract answers ${found.response.split('/').pop()} here, not ${answer.status}`];
    }
  } else {
    const responses = deref(`${found.pointer}/responses`).node;
    const key = String(answer.status) in responses ? String(answer.status) : 'default' in responses ? 'default' : undefined;
    if (key === undefined) return [`${label}: status ${answer.status} is not declared for ${found.operationId}`];
    responsePointer = `${found.pointer}/responses/${key}`;
  }
  const { node: response, pointer } = deref(responsePointer);
  const errors: string[] = [];
  const headers = (response.headers ?? {}) as Json;
  for (const name of Object.keys(headers)) {
    const value = answer.headers.get(name);
    if (value === null) continue;
    const headerPointer = deref(`${pointer}/headers/${escapePointer(name)}`).pointer;
    const schema = (at(headerPointer) as Json).schema as Json | undefined;
    if (!schema) continue;
    const typed = schema.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
    const validate = validatorAt(`${headerPointer}/schema`);
    if (!validate(typed)) errors.push(...(validate.errors ?? []).map((e) => describeError(`${label} header ${name}`, e)));
  }
  const content = response.content as Json | undefined;
  if (!content) {
    if (answer.text !== '') errors.push(`${label} body: the contract declares no body, got ${answer.text.length} characters`);
    return errors;
  }
  const [mediaType] = Object.keys(content);
  const contentType = answer.headers.get('content-type') ?? '';
  if (mediaType === 'application/json') {
    if (!/^application\/json\b/.test(contentType)) errors.push(`${label} header content-type: expected application/json, got ${contentType || 'none'}`);
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [...errors, `${label} body: not JSON`];
    }
    const validate = validatorAt(`${pointer}/content/application~1json/schema`);
    if (!validate(body)) errors.push(...(validate.errors ?? []).map((e) => describeError(`${label} body`, e)));
  }
  return errors;
}

/** Operation ids of the contract with a given tag. */
export function operationIds(tag: string): string[] {
  const ids: string[] = [];
  for (const item of Object.values(doc.paths as Json)) {
    for (const op of Object.values(item as Json)) {
      const o = op as Json;
      if (o && typeof o === 'object' && Array.isArray(o.tags) && o.tags.includes(tag)) ids.push(String(o.operationId));
    }
  }
  return ids;
}
