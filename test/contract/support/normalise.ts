/**
 * Turns one exchange with an org into an observation that can be compared
 * across targets and runs: ids, timestamps, error ids, request ids, the host
 * and the run prefix are replaced by stable placeholders, numbered in order of
 * appearance within one case (`<tos:1>`, `<time:2>`, `<errorId:1>`, `<host>`).
 *
 * Only values in the shapes a real org was recorded sending are masked (see
 * okta-facts.md §1.4, §4.1, §5): a timestamp without `.000`, an id of another
 * length or a request id in another format stays literal and so shows up as a
 * difference.
 */

export interface Observation {
  step: string;
  request: { method: string; path: string; origin?: string };
  status: number;
  /** The headers that matter, by lower-case name, sorted; absent headers are left out. */
  headers: Record<string, string | string[]>;
  /** Parsed JSON, the text of a non-JSON body, or null when there is no body. */
  body: unknown;
}

/** Headers recorded in snapshots. `access-control-*` headers are always recorded too. */
export const RECORDED_HEADERS = [
  'content-type',
  'date',
  'link',
  'location',
  'x-okta-request-id',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
] as const;

// Ids stand alone, or follow a percent-escape in a query (`%22tos…%22`).
const TOS_ID = /(?<=^|[^0-9A-Za-z]|%[0-9A-Fa-f]{2})tos[0-9A-Za-z]{17}(?![0-9A-Za-z])/g;
const USER_ID = /(?<=^|[^0-9A-Za-z]|%[0-9A-Fa-f]{2})00u[0-9A-Za-z]{17}(?![0-9A-Za-z])/g;
const ORG_ID = /(?<=^|[^0-9A-Za-z])00o[0-9A-Za-z]{17}(?![0-9A-Za-z])/g;
const TIMESTAMP = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z/g;
const ERROR_ID = /^oae[A-Za-z0-9_-]{22}$/;
const REQUEST_ID = /^[0-9a-f]{32}$/;
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Normaliser {
  private readonly numbered = new Map<string, Map<string, number>>();
  private readonly occurrences = new Map<string, number>();
  private readonly host: RegExp;
  private readonly prefix: RegExp;

  /** `orgUrl` becomes `<host>`; `runPrefix` (the per-run name prefix) becomes `<prefix>`. */
  constructor(orgUrl: string, runPrefix: string) {
    const origin = new URL(orgUrl).origin;
    this.host = new RegExp(escapeRegExp(origin), 'gi');
    this.prefix = new RegExp(escapeRegExp(runPrefix), 'g');
  }

  /** Same value, same number: for identities (ids, error ids, request ids). */
  private byValue(kind: string, value: string): string {
    let table = this.numbered.get(kind);
    if (!table) this.numbered.set(kind, (table = new Map()));
    let n = table.get(value);
    if (n === undefined) table.set(value, (n = table.size + 1));
    return `<${kind}:${n}>`;
  }

  /** Every occurrence a new number: for clock readings, which a real org does not let us pin. */
  private byOccurrence(kind: string): string {
    const n = (this.occurrences.get(kind) ?? 0) + 1;
    this.occurrences.set(kind, n);
    return `<${kind}:${n}>`;
  }

  text(value: string): string {
    if (ERROR_ID.test(value)) return this.byValue('errorId', value);
    return value
      .replace(this.host, '<host>')
      .replace(this.prefix, '<prefix>')
      .replace(TOS_ID, (id) => this.byValue('tos', id))
      .replace(USER_ID, (id) => this.byValue('user', id))
      .replace(ORG_ID, (id) => this.byValue('org', id))
      .replace(TIMESTAMP, () => this.byOccurrence('time'));
  }

  /** A JSON value, keys kept in their order (key order is part of the contract). */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.json(item);
      return out;
    }
    return value;
  }

  header(name: string, value: string): string | string[] {
    switch (name) {
      case 'x-okta-request-id':
        return REQUEST_ID.test(value) ? this.byValue('requestId', value) : value;
      case 'x-rate-limit-limit':
      case 'x-rate-limit-remaining':
        return /^\d+$/.test(value) ? '<count>' : value;
      case 'x-rate-limit-reset':
        return /^\d{10}$/.test(value) ? '<epoch-seconds>' : value;
      case 'date':
        return HTTP_DATE.test(value) ? '<http-date>' : value;
      default:
        return this.text(value);
    }
  }
}

/** Headers that may come as several lines; each line is one entry, so a joined line shows up as a difference. */
const LINE_PER_ENTRY = new Set(['link']);

/** The recorded headers of a response, from its header lines as they arrived, normalised and sorted by name. */
export function selectHeaders(lines: ReadonlyArray<readonly [string, string]>, normaliser: Normaliser): Record<string, string | string[]> {
  const byName = new Map<string, string[]>();
  for (const [rawName, value] of lines) {
    const name = rawName.toLowerCase();
    if (!(RECORDED_HEADERS as readonly string[]).includes(name) && !name.startsWith('access-control-')) continue;
    byName.set(name, [...(byName.get(name) ?? []), value]);
  }
  const out: Record<string, string | string[]> = {};
  for (const name of [...byName.keys()].sort()) {
    const values = byName.get(name)!;
    out[name] = LINE_PER_ENTRY.has(name) ? values.map((v) => normaliser.text(v.trim())) : normaliser.header(name, values.join(', '));
  }
  return out;
}

/** Parses a body as the org sent it: JSON when it says so, else the text, null when empty. */
export function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (contentType !== null && /json/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
