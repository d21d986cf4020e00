import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopOnSignals } from '../../src/graceful-stop.js';

function harness() {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const lines: string[] = [];
  let finishStop!: (ok: boolean) => void;
  let stops = 0;
  stopOnSignals({
    signals,
    exit: (code) => exits.push(code),
    log: (line) => lines.push(line),
    stop: () => {
      stops++;
      return new Promise<void>((resolve, reject) => (finishStop = (ok) => (ok ? resolve() : reject(new Error('x')))));
    },
  });
  return { signals, exits, lines, stops: () => stops, finishStop: (ok: boolean) => finishStop(ok) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('stopOnSignals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} stops once, says so in one line, and exits 0 when the stop finishes`, async () => {
      const h = harness();
      h.signals.emit(signal);
      expect(h.stops()).toBe(1);
      expect(h.lines).toEqual([`okta-mock: ${signal}: finishing requests in flight, then stopping (send it again to stop at once)`]);
      expect(h.exits).toEqual([]);
      h.finishStop(true);
      await settle();
      expect(h.exits).toEqual([0]);
    });
  }

  const second = [
    { name: 'exits at once with 143 on a second SIGTERM while stopping', input: ['SIGTERM', 'SIGTERM'], expected: 143 },
    { name: 'exits at once with 130 on a SIGINT after a SIGTERM', input: ['SIGTERM', 'SIGINT'], expected: 130 },
    { name: 'exits at once with 130 on a second SIGINT (Ctrl-C twice)', input: ['SIGINT', 'SIGINT'], expected: 130 },
  ];
  it.each(second)('$name', ({ input, expected }) => {
    const h = harness();
    for (const signal of input) h.signals.emit(signal);
    expect(h.stops()).toBe(1);
    expect(h.exits).toEqual([expected]);
  });

  it('exits 1 when the stop fails', async () => {
    const h = harness();
    h.signals.emit('SIGTERM');
    h.finishStop(false);
    await settle();
    expect(h.exits).toEqual([1]);
  });
});
