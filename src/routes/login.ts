import { Hono, type Context } from 'hono';
import { decideRedirect } from '../domain/redirect-decision.js';
import { orgRelativeTarget } from '../domain/redirect-target.js';
import { OktaApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { readFormFields } from '../request-body.js';
import type { SessionModel } from '../model/sessions.js';
import { clearSessionCookie, readSessionId, setSessionCookie } from '../session-cookie.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';
import { signedInPage, signInPage, untrustedRedirectPage } from './login-pages.js';

export const SIGN_IN_PATH = '/login/login.htm';

/**
 * The browser-facing pages: the sign-in form, the session-token redirect
 * and sign-out. A redirect leaves the org only for an ACTIVE trusted origin
 * with the REDIRECT scope; anything else is never followed.
 */
export function loginRoutes(sessions: SessionModel, trustedOrigins: TrustedOriginStore): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  /** Where the browser may be sent for `target`, or undefined; the decision is kept for the journal. */
  const redirectTarget = (c: Context<AppEnv>, target: string) => {
    const decision = decideRedirect(target, trustedOrigins);
    c.set('decision', decision.explanation);
    return decision.location;
  };
  const refuse = (c: Context<AppEnv>, target: string) => c.html(untrustedRedirectPage(target), 403);
  // The signed-in page stands in for the End-User Dashboard when it comes to framing.
  const signedIn = (c: Context<AppEnv>, login: string) => {
    c.set('orgPage', 'end-user-dashboard');
    return c.html(signedInPage(login));
  };

  routes.get('/login.htm', (c) => {
    const current = sessions.current(readSessionId(c));
    const back = orgRelativeTarget(c.req.query('fromURI') ?? '');
    if (current && back !== undefined) return c.redirect(back, 302);
    if (current) return signedIn(c, current.user.profile.login);
    return c.html(signInPage({ fromURI: c.req.query('fromURI') }));
  });

  routes.post('/login.htm', async (c) => {
    const form = await readFormFields(c.req.raw);
    if (!form) return c.html(signInPage({ error: 'Sign in failed! The form could not be read.' }), 400);
    const username = form.get('username') ?? '';
    const fromURI = form.get('fromURI') || undefined;
    let user;
    try {
      user = sessions.verifyPassword(username, form.get('password'));
    } catch (error) {
      if (!(error instanceof OktaApiError)) throw error;
      return c.html(signInPage({ fromURI, username, error: 'Sign in failed!' }), 401);
    }
    setSessionCookie(c, sessions.start(user).id);
    // A page of the org itself (the Admin Console sends people here) needs no trusted origin.
    const location = fromURI === undefined ? undefined : (orgRelativeTarget(fromURI) ?? redirectTarget(c, fromURI));
    if (location !== undefined) return c.redirect(location, 302);
    return signedIn(c, user.profile.login);
  });

  routes.get('/sessionCookieRedirect', (c) => {
    const token = c.req.query('token') ?? '';
    const redirectUrl = c.req.query('redirectUrl') ?? '';
    const location = redirectTarget(c, redirectUrl);
    if (location === undefined) return refuse(c, redirectUrl);
    const session = sessions.redeem(token);
    if (session) setSessionCookie(c, session.id);
    return c.redirect(location, 302);
  });

  routes.get('/signout', (c) => {
    sessions.end(readSessionId(c));
    clearSessionCookie(c);
    const fromURI = c.req.query('fromURI');
    const location = fromURI === undefined ? undefined : redirectTarget(c, fromURI);
    return c.redirect(location ?? SIGN_IN_PATH, 302);
  });

  return routes;
}
