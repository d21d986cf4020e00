/** Every contract case, in run order, and the operations deliberately left out (with the reason). */
import type { ContractCase } from '../support/runner.js';
import { CORS_CASES } from './cors.js';
import { ERROR_CASES } from './errors.js';
import { OPERATION_CASES } from './operations.js';
import { WELL_KNOWN_CASES } from './well-known.js';

export const CASES: ContractCase[] = [...OPERATION_CASES, ...ERROR_CASES, ...CORS_CASES, ...WELL_KNOWN_CASES];

/**
 * Operations of contracts/trusted-origins.openapi.yaml the suite does not call,
 * and why. Each would need a real user's password or session on a real org,
 * which the suite must not touch; the app and browser tests cover them on the emulator.
 */
export const NOT_COVERED: Record<string, string> = {
  closeCurrentSession: 'needs a live session: signing a real user in is out of bounds for the contract suite',
  refreshCurrentSession: 'needs a live session (see closeCurrentSession)',
  getSignInPage: "the emulator's own HTML page, not Okta's sign-in widget: nothing to compare with a real org",
  submitSignInForm: "the emulator's own HTML form (see getSignInPage); would also need a real user's password",
  sessionCookieRedirect: "needs a session token, i.e. a real user's password",
  signOut: 'ends a real browser session; with none it only redirects to the sign-in page (emulator-specific page)',
  getOrgRoot: "redirects to the emulator's own sign-in page; a real org answers with its own sign-in app",
};
