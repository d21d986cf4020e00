/**
 * The CLI's line per answered request, like a dev server's: time, method,
 * path, status, duration; a refused CORS or redirect decision adds its reason
 * and hint on indented lines that start with `!`, so they stand out in a scroll
 * of ordinary lines. Built only from a journal entry, which never holds a
 * secret (see redactQuery).
 */
import type { JournalEntry } from './journal.js';

export interface LogLineOptions {
  /** ANSI colours (the CLI turns them on only for a TTY without NO_COLOR). */
  color: boolean;
}

const ANSI = { red: '31', green: '32', yellow: '33', cyan: '36', dim: '2' } as const;
type Colour = keyof typeof ANSI;

/** Control characters (a redirect target may carry them) would garble or drive the terminal: show them escaped. */
const printable = (text: string) =>
  text.replace(/[\x00-\x1f\x7f-\x9f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

const statusColour = (status: number): Colour => (status >= 500 ? 'red' : status >= 400 ? 'yellow' : status >= 300 ? 'cyan' : 'green');

export function formatLogLine(entry: JournalEntry, options: LogLineOptions): string {
  const paint = (colour: Colour, text: string) => (options.color ? `\x1b[${ANSI[colour]}m${text}\x1b[0m` : text);
  const target = entry.query === '' ? entry.path : `${entry.path}?${entry.query}`;
  const status = entry.errorCode === null ? String(entry.status) : `${entry.status} ${entry.errorCode}`;
  const lines = [
    `${paint('dim', entry.time.slice(11, 19))} ${entry.method} ${printable(target)} ${paint(statusColour(entry.status), status)} ${paint('dim', `${entry.durationMs}ms`)}`,
  ];
  const decision = entry.decision;
  if (decision && !decision.allowed) {
    const what = decision.kind === 'cors' ? 'CORS refused' : 'redirect refused';
    lines.push(paint('red', `  ! ${what}: ${printable(decision.reason)}`));
    if (decision.hint !== null) lines.push(paint('yellow', `  ! hint: ${printable(decision.hint)}`));
  }
  // Answers the operator asked for (a fault rule, --rate-limit) say so, or they read like the org misbehaving.
  if (entry.fault) lines.push(paint('yellow', `  ! fault rule ${printable(entry.fault.id)} applied (GET /__okta-mock/faults lists the rules)`));
  else if (entry.errorCode === 'E0000047') {
    lines.push(paint('yellow', '  ! rate limited: this endpoint family used up --rate-limit for its minute; 429 until X-Rate-Limit-Reset'));
  }
  return lines.join('\n');
}

/** `--log json`: the entry itself, one JSON document per line. */
export const formatJsonLine = (entry: JournalEntry): string => JSON.stringify(entry);
