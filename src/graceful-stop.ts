import type { Server } from 'node:http';

/** How long requests in flight may take to finish once a stop is asked for. */
export const STOP_GRACE_MS = 5000;

/**
 * Stops `server` the way a supervisor expects: no new connections, requests
 * in flight finish (up to `graceMs`, then their connections are cut), idle
 * keep-alive connections close at once so the stop is prompt.
 */
export function closeGracefully(server: Server, graceMs = STOP_GRACE_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    // A connection turns idle once its last answer is written; close it then, not before.
    const idle = setInterval(() => server.closeIdleConnections(), 20);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    idle.unref();
    force.unref();
    server.close((error) => {
      clearInterval(idle);
      clearTimeout(force);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

export interface SignalSource {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

/**
 * The first SIGINT or SIGTERM stops gracefully and exits 0 (1 if stopping
 * failed); a second one exits at once with 128 + the signal's number.
 */
export function stopOnSignals(options: {
  stop: () => Promise<void>;
  exit: (code: number) => void;
  log: (line: string) => void;
  signals: SignalSource;
  names?: NodeJS.Signals[];
}): void {
  const names = options.names ?? ['SIGINT', 'SIGTERM'];
  let stopping = false;
  const onSignal = (name: NodeJS.Signals) => () => {
    if (stopping) return options.exit(128 + (SIGNAL_NUMBERS[name] ?? 0));
    stopping = true;
    // The other names still hold their first listener; only this one needs a new one.
    options.signals.once(name, onSignal(name));
    options.log(`okta-mock: ${name}: finishing requests in flight, then stopping (send it again to stop at once)`);
    options.stop().then(
      () => options.exit(0),
      () => options.exit(1),
    );
  };
  for (const name of names) options.signals.once(name, onSignal(name));
}
