/**
 * The request view's filters, as its URL query carries them (`refused=1`,
 * `origin=<text>`), so a reload, a bookmark and the live feed all show the same rows.
 */
import type { JournalEntry } from '../journal.js';

export interface RequestFilter {
  /** Only refused CORS and redirect decisions. */
  refusedOnly: boolean;
  /** Only requests whose `Origin` contains this text (any letter case); empty for all. */
  origin: string;
}

export const NO_FILTER: RequestFilter = { refusedOnly: false, origin: '' };

/** Reads the filter from query parameters; anything but `refused=1`/`true`/`on` leaves it off. */
export function parseRequestFilter(query: (name: string) => string | undefined): RequestFilter {
  const refused = query('refused');
  return {
    refusedOnly: refused !== undefined && ['1', 'true', 'on'].includes(refused.toLowerCase()),
    origin: (query('origin') ?? '').trim(),
  };
}

export const isRefused = (entry: Pick<JournalEntry, 'decision'>): boolean => entry.decision !== null && !entry.decision.allowed;

export function matchesRequestFilter(entry: Pick<JournalEntry, 'decision' | 'origin'>, filter: RequestFilter): boolean {
  if (filter.refusedOnly && !isRefused(entry)) return false;
  if (filter.origin === '') return true;
  return entry.origin !== null && entry.origin.toLowerCase().includes(filter.origin.toLowerCase());
}
