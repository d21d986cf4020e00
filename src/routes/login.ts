import { Hono, type Context } from 'hono';
import { isTrustedFor, originOfUrl } from '../domain/trusted-for.js';
import { OktaApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
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
  const mayRedirectTo = (url: string) => {
    // The URL parser drops tabs and newlines, but a Location header cannot carry them: never follow such a URL.
    if (/[\x00-\x1f\x7f]/.test(url)) return false;
    const origin = originOfUrl(url);
    return origin !== undefined && isTrustedFor(origin, 'REDIRECT', trustedOrigins.withSameOrigin(origin));
  };
  const refuse = (c: Context<AppEnv>, target: string) => c.html(untrustedRedirectPage(target), 403);
  // The signed-in page stands in for the End-User Dashboard when it comes to framing.
  const signedIn = (c: Context<AppEnv>, login: string) => {
    c.set('orgPage', 'end-user-dashboard');
    return c.html(signedInPage(login));
  };

  routes.get('/login.htm', (c) => {
    const current = sessions.current(readSessionId(c));
    if (current) return signedIn(c, current.user.profile.login);
    return c.html(signInPage({ fromURI: c.req.query('fromURI') }));
  });

  routes.post('/login.htm', async (c) => {
    const form = await c.req.parseBody();
    const username = typeof form.username === 'string' ? form.username : '';
    const fromURI = typeof form.fromURI === 'string' && form.fromURI !== '' ? form.fromURI : undefined;
    let user;
    try {
      user = sessions.verifyPassword(username, form.password);
    } catch (error) {
      if (!(error instanceof OktaApiError)) throw error;
      return c.html(signInPage({ fromURI, username, error: 'Sign in failed!' }), 401);
    }
    setSessionCookie(c, sessions.start(user).id);
    if (fromURI !== undefined && mayRedirectTo(fromURI)) return c.redirect(fromURI, 302);
    return signedIn(c, user.profile.login);
  });

  routes.get('/sessionCookieRedirect', (c) => {
    const token = c.req.query('token') ?? '';
    const redirectUrl = c.req.query('redirectUrl') ?? '';
    if (!mayRedirectTo(redirectUrl)) return refuse(c, redirectUrl);
    const session = sessions.redeem(token);
    if (session) setSessionCookie(c, session.id);
    return c.redirect(redirectUrl, 302);
  });

  routes.get('/signout', (c) => {
    sessions.end(readSessionId(c));
    clearSessionCookie(c);
    const fromURI = c.req.query('fromURI');
    if (fromURI !== undefined && mayRedirectTo(fromURI)) return c.redirect(fromURI, 302);
    return c.redirect(SIGN_IN_PATH, 302);
  });

  return routes;
}
