import type { Context, MiddlewareHandler } from 'hono';
import { orgUrlOf, type AppEnv } from '../http.js';
import type { CurrentSession, SessionModel } from '../model/sessions.js';
import { readFormFields } from '../request-body.js';
import { SIGN_IN_PATH } from '../routes/login.js';
import { readSessionId } from '../session-cookie.js';
import type { ConsoleCsrfTokens } from './csrf.js';
import { consoleMessagePage } from './layout.js';

/** The signed-in admin a console page is served to, and the CSRF token of their session. */
export interface ConsoleViewer extends CurrentSession {
  csrfToken: string;
}

export type ConsoleEnv = AppEnv & {
  Variables: AppEnv['Variables'] & {
    viewer: ConsoleViewer;
    /** A change's form fields, read once here (a body can be read only once); empty for a JSON or empty body. */
    consoleForm: Map<string, string>;
  };
};

/** The form field and the header a change carries its CSRF token in. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'X-Okta-Mock-CSRF';

/**
 * Okta lets only administrators into the Admin Console. okta-mock's admins are
 * the users who own an API token: in Okta only an admin can create one.
 */
const isAdmin = (current: CurrentSession) => current.user.apiTokens.length > 0;

const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * Everyone but a signed-in admin goes to the sign-in page, which brings them
 * back here. A change also needs the session's CSRF token and must come from
 * the org's own origin: browsers send `Origin` on every POST, and
 * `Sec-Fetch-Site` tells a cross-site request even where `Origin` is absent.
 */
export function requireConsoleAdmin(sessions: SessionModel, csrf: ConsoleCsrfTokens): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const current = sessions.current(readSessionId(c));
    if (!current) {
      const back = c.req.method === 'GET' ? pathWithQuery(c) : c.req.path;
      return c.redirect(`${SIGN_IN_PATH}?fromURI=${encodeURIComponent(back)}`, 302);
    }
    if (!isAdmin(current)) {
      return c.html(consoleMessagePage('Not an administrator', `${current.user.profile.login} is signed in, but only an administrator (a user who owns an API token) may use the Admin Console.`), 403);
    }
    const csrfToken = csrf.tokenFor(current.session.id);
    if (!isSafeMethod(c.req.method)) {
      const form = isForm(c) ? await readFormFields(c.req.raw) : new Map<string, string>();
      if (!form) return c.html(consoleMessagePage('Change refused', 'The form could not be read.'), 400);
      c.set('consoleForm', form);
      const refusal = changeRefusal(c, current.session.id, form, csrf);
      if (refusal) return c.html(consoleMessagePage('Change refused', refusal), 403);
    }
    c.set('viewer', { ...current, csrfToken });
    await next();
  };
}

function pathWithQuery(c: Context): string {
  const url = c.req.url;
  const queryAt = url.indexOf('?');
  return queryAt < 0 ? c.req.path : `${c.req.path}${url.slice(queryAt)}`;
}

/** Why a change may not be made, or undefined when it may. */
function changeRefusal(c: Context<ConsoleEnv>, sessionId: string, form: Map<string, string>, csrf: ConsoleCsrfTokens): string | undefined {
  const origin = c.req.header('Origin');
  if (origin !== undefined && origin !== orgUrlOf(c)) return `The change came from ${origin}, not from this org's own pages.`;
  const site = c.req.header('Sec-Fetch-Site');
  if (origin === undefined && site !== undefined && site !== 'same-origin') return 'The change came from another site.';
  const token = c.req.header(CSRF_HEADER) ?? form.get(CSRF_FIELD);
  if (!csrf.accepts(sessionId, token)) return 'The change did not carry this session\'s CSRF token. Reload the page and try again.';
  return undefined;
}

const isForm = (c: Context) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(c.req.header('Content-Type') ?? '');
