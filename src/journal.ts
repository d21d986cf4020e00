/**
 * The org's request journal: the last N requests it answered, with what it
 * decided about CORS or a redirect and why. Belongs to the org like its store;
 * one outermost step of the app records, and edges (the CLI's log lines, the
 * control API, the MSW handle) only read.
 */

import type { components } from './generated/openapi.js';

/** One request the org answered, as the contract (`contracts/`) describes the control API's entries. */
export type JournalEntry = components['schemas']['JournalEntry'];
/** A CORS or redirect decision with its explanation, as the pure decision functions return it. */
export type JournalDecision = components['schemas']['JournalDecision'];
export type JournalAuth = JournalEntry['auth'];

export const DEFAULT_JOURNAL_SIZE = 1000;

export type JournalListener = (entry: JournalEntry) => void;

/** A bounded ring buffer of entries, oldest first; capacity 0 keeps nothing. */
export class Journal {
  readonly capacity: number;
  #entries: JournalEntry[] = [];
  #start = 0;
  readonly #listeners = new Set<JournalListener>();

  constructor(capacity: number = DEFAULT_JOURNAL_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`journal size must be a whole number >= 0, got ${capacity}`);
    this.capacity = capacity;
  }

  /** Whether recording keeps or tells anything; when not, the app skips building entries. */
  get isRecording(): boolean {
    return this.capacity > 0 || this.#listeners.size > 0;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Keeps the entry (dropping the oldest past capacity) and tells every listener, even at capacity 0. */
  record(entry: JournalEntry): void {
    if (this.capacity > 0) {
      if (this.#entries.length < this.capacity) this.#entries.push(entry);
      else {
        this.#entries[this.#start] = entry;
        this.#start = (this.#start + 1) % this.capacity;
      }
    }
    for (const listener of this.#listeners) {
      // A listener is an edge (a log line, a file); its failure must never change the answer.
      try {
        listener(entry);
      } catch (error) {
        console.error('okta-mock: a journal listener failed', error);
      }
    }
  }

  /**
   * Oldest first. `since`: only the entries after the one with that request id
   * (all of them when it is no longer kept). `limit`: only the newest n.
   */
  entries(options: { limit?: number; since?: string } = {}): JournalEntry[] {
    let all = [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)];
    if (options.since !== undefined) {
      const at = all.findIndex((e) => e.requestId === options.since);
      if (at >= 0) all = all.slice(at + 1);
    }
    if (options.limit !== undefined) all = options.limit <= 0 ? [] : all.slice(-options.limit);
    return all;
  }

  clear(): void {
    this.#entries = [];
    this.#start = 0;
  }

  /** Calls `listener` with every entry recorded from now on; returns the way to stop. */
  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
