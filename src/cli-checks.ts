/** Start-up checks of the CLI's flags: pure, each answering with the one line to print, or nothing. */

const IPV4_LOOPBACK = /^127(?:\.\d{1,3}){3}$/;

/** Whether binding `host` keeps the org on this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || IPV4_LOOPBACK.test(bare) || IPV4_LOOPBACK.test(bare.replace(/^::ffff:/, ''));
}

/** The warning for a bind address other machines can reach, or undefined for a loopback one. */
export function hostWarning(host: string): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return (
    `warning: --host ${host} is not a loopback address: this org, its well-known API token ` +
    'and the fixture password are reachable from the network'
  );
}

/**
 * Why `token` can never authenticate, or undefined when it can: it travels as
 * `Authorization: SSWS <token>`, which carries one run of visible ASCII characters.
 * The line names the token by position, never by value.
 */
export function tokenProblem(token: string, position: number): string | undefined {
  const which = `--token #${position}`;
  if (token === '') return `${which} is empty; it is sent as "Authorization: SSWS <token>" and needs at least one character`;
  if (/\s/.test(token)) return `${which} contains whitespace, which "Authorization: SSWS <token>" cannot carry`;
  if (!/^[\x21-\x7e]+$/.test(token)) {
    return `${which} contains a character outside visible ASCII, which "Authorization: SSWS <token>" cannot carry`;
  }
  return undefined;
}
