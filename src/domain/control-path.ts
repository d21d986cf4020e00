/** Where the control API lives: a prefix no Okta path uses. Never rate-limited, never faulted. */
export const CONTROL_PREFIX = '/__okta-mock';

export const isControlPath = (path: string): boolean => path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
