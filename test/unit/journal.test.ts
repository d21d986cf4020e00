import { describe, expect, it, vi } from 'vitest';
import { Journal, type JournalEntry } from '../../src/journal.js';

const entry = (requestId: string): JournalEntry => ({
  requestId,
  time: '2026-01-02T03:04:05.678Z',
  method: 'GET',
  path: '/api/v1/trustedOrigins',
  query: '',
  status: 200,
  durationMs: 1,
  origin: null,
  auth: 'ssws',
  errorCode: null,
  decision: null,
});

describe('Journal', () => {
  it('keeps the newest capacity entries oldest first, wrapping around more than once', () => {
    const journal = new Journal(3);
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) journal.record(entry(id));
    expect(journal.entries().map((e) => e.requestId)).toEqual(['e', 'f', 'g']);
    expect(journal.entries({ since: 'e' }).map((e) => e.requestId)).toEqual(['f', 'g']);
    expect(journal.entries({ limit: 2, since: 'e' }).map((e) => e.requestId)).toEqual(['f', 'g']);
    expect(journal.entries({ limit: 0 })).toEqual([]);
    expect(journal.entries({ since: 'a' }).map((e) => e.requestId)).toEqual(['e', 'f', 'g']);
  });

  it('is recording when it keeps entries or has a listener, and not at capacity 0 without one', () => {
    const off = new Journal(0);
    expect(off.isRecording).toBe(false);
    const stop = off.subscribe(() => undefined);
    expect(off.isRecording).toBe(true);
    stop();
    expect(off.isRecording).toBe(false);
    expect(new Journal().isRecording).toBe(true);
  });

  it('tells every listener even at capacity 0, and one failing listener neither stops the others nor the recording', () => {
    const journal = new Journal(2);
    const told: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      journal.subscribe(() => {
        throw new Error('reader gone');
      });
      journal.subscribe((e) => told.push(e.requestId));
      journal.record(entry('a'));
      expect(told).toEqual(['a']);
      expect(journal.entries().map((e) => e.requestId)).toEqual(['a']);
      expect(error).toHaveBeenCalledOnce();
    } finally {
      error.mockRestore();
    }
  });

  it('refuses a size that is not a whole number of at least 0', () => {
    expect(() => new Journal(-1)).toThrow(RangeError);
    expect(() => new Journal(1.5)).toThrow(RangeError);
  });
});
