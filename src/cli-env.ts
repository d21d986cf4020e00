import type { ParseArgsConfig } from 'node:util';

/** Flags that make no sense as a standing default. */
const NOT_FROM_ENV = new Set(['help', 'version']);

/** `--journal-size` ↔ `OKTA_MOCK_JOURNAL_SIZE`. */
export const envNameOf = (flag: string) => `OKTA_MOCK_${flag.toUpperCase().replace(/-/g, '_')}`;

const TRUE = new Set(['1', 'true']);
const FALSE = new Set(['0', 'false', '']);

const givesFlag = (args: readonly string[], flag: string, short: string | undefined) =>
  args.some((arg) => arg === `--${flag}` || arg.startsWith(`--${flag}=`) || (short !== undefined && arg === `-${short}`));

/**
 * The same parseArgs config with each flag's `OKTA_MOCK_<FLAG>` environment variable put in
 * front of the arguments, for the flags the arguments do not give, so flags win and parseArgs
 * checks both alike. Booleans take `1`/`true`/`0`/`false`; repeatable flags take a
 * comma-separated list. Derived from the options table, so every flag gets it.
 */
export function withEnvDefaults<T extends ParseArgsConfig>(config: T, env: Record<string, string | undefined>): T {
  const args = config.args ?? [];
  const fromEnv: string[] = [];
  for (const [flag, option] of Object.entries(config.options ?? {})) {
    const name = envNameOf(flag);
    const value = env[name];
    if (value === undefined || NOT_FROM_ENV.has(flag) || givesFlag(args, flag, option.short)) continue;
    if (option.type === 'boolean') {
      const normalized = value.trim().toLowerCase();
      if (TRUE.has(normalized)) fromEnv.push(`--${flag}`);
      else if (!FALSE.has(normalized)) throw new Error(`${name} must be 1, true, 0 or false, got '${value}'`);
    } else {
      const values = option.multiple ? value.split(',').map((v) => v.trim()).filter(Boolean) : [value];
      for (const v of values) fromEnv.push(`--${flag}=${v}`);
    }
  }
  return { ...config, args: [...fromEnv, ...args] };
}
