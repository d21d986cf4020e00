import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/okta-mock.js', import.meta.url));

/** The CLI's first stdout line, complete with its newline. */
export const LISTENING_LINE = /^okta-mock listening on (https?:\/\/(\S+):(\d+))\r?\n/m;
const TOKEN_LINE = /^API token: (\S+).*\r?\n/m;

export interface CliRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** Sends `signal` (SIGTERM by default) unless the process already exited; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

export interface RunningCli extends CliRun {
  url: string;
  port: number;
  token: string | undefined;
}

const live = new Set<ChildProcess>();

/** Which CLI to run and how: this checkout's bin/okta-mock.js unless told otherwise (e.g. an unpacked tarball's), with `env` added to the environment. */
export interface CliLocation {
  bin?: string;
  cwd?: string;
  env?: Record<string, string>;
}

/** Spawns `node bin/okta-mock.js ...args` (no implicit `--port 0`). */
export function spawnCli(args: string[], { bin = BIN, cwd = REPO_ROOT, env = {} }: CliLocation = {}): CliRun {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  live.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal);
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runCli(
  args: string[],
  timeoutMs = 10_000,
  location: CliLocation = {},
): Promise<{ code: number | NodeJS.Signals | null; stdout: string; stderr: string }> {
  const run = spawnCli(args, location);
  const timer = setTimeout(() => run.stop('SIGKILL'), timeoutMs);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/**
 * Starts `node bin/okta-mock.js --port 0 ...args` and waits (up to 10 s) for
 * the `okta-mock listening on http://127.0.0.1:<port>` line.
 */
export async function startCli(args: string[] = [], timeoutMs = 10_000, location: CliLocation = {}): Promise<RunningCli> {
  const run = spawnCli(['--port', '0', ...args], location);
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      void run.stop('SIGKILL');
      reject(new Error(`okta-mock ${args.join(' ')}: ${why}\nstdout: ${run.stdout()}\nstderr: ${run.stderr()}`));
    };
    const onData = () => {
      const m = LISTENING_LINE.exec(run.stdout());
      if (m) {
        cleanup();
        resolve(m);
      }
    };
    const timer = setTimeout(() => fail(`no listening line within ${timeoutMs} ms`), timeoutMs);
    const onExit = (code: number | null) => fail(`exited with ${code} before listening`);
    const cleanup = () => {
      clearTimeout(timer);
      run.child.stdout!.off('data', onData);
      run.child.off('exit', onExit);
    };
    run.child.stdout!.on('data', onData);
    run.child.once('exit', onExit);
  });
  // The token line follows at once, but may come in a later chunk (and is absent when the org has no token).
  for (let i = 0; i < 20 && !TOKEN_LINE.test(run.stdout()); i++) await new Promise((r) => setTimeout(r, 10));
  return {
    ...run,
    url: match[1]!,
    port: Number(match[3]),
    token: TOKEN_LINE.exec(run.stdout())?.[1],
  };
}

/** Kills every CLI process still running (for afterAll/afterEach). */
export async function stopAllClis(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
