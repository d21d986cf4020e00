import { isPathUnder } from './path-prefix.js';

/** Where the control API lives: a prefix no Okta path uses. */
export const CONTROL_PREFIX = '/__okta-mock';

/** Where the Admin Console lives (its pages, scripts and live journal feed; src/console). */
export const CONSOLE_ROOT = '/admin';


export const isControlPath = (path: string): boolean => isPathUnder(path, CONTROL_PREFIX);

/**
 * The operator's own tools, the control API and the Admin Console: never
 * rate-limited and never faulted, so the operator can always see and undo
 * what a limit or a fault rule does.
 */
export const isOperatorPath = (path: string): boolean => isControlPath(path) || isPathUnder(path, CONSOLE_ROOT);
