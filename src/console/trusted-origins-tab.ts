import type { Context } from 'hono';
import { OktaApiError } from '../errors.js';
import type { TrustedOriginRecord } from '../domain/trusted-origin.js';
import type { ConsoleEnv } from './auth.js';
import { ConsoleNotices } from './console-notices.js';
import { consolePage, type ConsoleHtml } from './layout.js';
import { EMPTY_FORM, formValuesFrom, formValuesOf, requestBodyOf, type OriginFormValues } from './origin-form.js';
import { CONSOLE_ROOT } from './paths.js';
import type { ConsolePageContext } from './routes.js';
import { deleteConfirmationBody, formBody, listBody, missingRecordBody } from './trusted-origins-pages.js';
import { trustedOriginsTabPaths as paths } from './trusted-origins-paths.js';

const routedPath = (path: string) => path.slice(CONSOLE_ROOT.length);
const ID = ':id';

type ConsoleContext = Context<ConsoleEnv>;

function page(c: ConsoleContext, title: string, body: ConsoleHtml, status: 200 | 400 | 404 = 200, notice?: string) {
  const viewer = c.var.viewer;
  return c.html(consolePage({ current: 'trusted-origins', title, login: viewer.user.profile.login, csrfToken: viewer.csrfToken, body, notice }), status);
}

const isMissing = (error: unknown) => error instanceof OktaApiError && error.errorCode === 'E0000007';

/**
 * Security › API › Trusted Origins: the guide's six steps. Every change goes
 * through the API's model with the admin as actor, so validation, uniqueness,
 * createdBy/lastUpdatedBy and the next request's CORS or redirect decision are
 * the API's. Forms post, then redirect to the list (works without JavaScript).
 */
export function trustedOriginsTab({ routes, trustedOrigins, trustedOriginRecords }: ConsolePageContext): void {
  const notices = new ConsoleNotices();
  const actorOf = (c: ConsoleContext) => c.var.viewer.user.id;
  const done = (c: ConsoleContext, message: string) => {
    notices.put(c.var.viewer.session.id, message);
    return c.redirect(paths.list, 303);
  };
  const missing = (c: ConsoleContext) => page(c, 'Trusted origin not found', missingRecordBody(c.req.param('id') ?? ''), 404);
  const form = (c: ConsoleContext, title: string, action: string, values: OriginFormValues, error?: OktaApiError) =>
    page(c, title, formBody({ action, values, csrfToken: c.var.viewer.csrfToken, error }), error === undefined ? 200 : 400);
  const record = (c: ConsoleContext): TrustedOriginRecord | undefined => trustedOriginRecords.get(c.req.param('id') ?? '');

  /**
   * Runs a change and redirects to the list with `message`. A record deleted
   * meanwhile gives the missing page; the API's refusal of the input goes back
   * to the form (`refused`), as typed; anything else is the app's to answer.
   */
  async function change(c: ConsoleContext, message: string, run: () => Promise<unknown> | unknown, refused?: (error: OktaApiError) => Response | Promise<Response>) {
    try {
      await run();
    } catch (error) {
      if (isMissing(error)) return missing(c);
      if (refused && error instanceof OktaApiError) return refused(error);
      throw error;
    }
    return done(c, message);
  }

  routes.get(routedPath(paths.list), (c) => {
    const body = listBody(trustedOriginRecords.all(), c.var.viewer.csrfToken);
    return page(c, 'Trusted Origins', body, 200, notices.take(c.var.viewer.session.id));
  });

  routes.get(routedPath(paths.addForm), (c) => form(c, 'Add Origin', paths.create, EMPTY_FORM));

  routes.post(routedPath(paths.create), (c) => {
    const values = formValuesFrom(c.var.consoleForm);
    return change(
      c,
      `Trusted origin ${values.name} added.`,
      () => trustedOrigins.create(requestBodyOf(values), actorOf(c)),
      (error) => form(c, 'Add Origin', paths.create, values, error),
    );
  });

  routes.get(routedPath(paths.editForm(ID)), (c) => {
    const found = record(c);
    return found ? form(c, `Edit ${found.name}`, paths.replace(found.id), formValuesOf(found)) : missing(c);
  });

  routes.post(routedPath(paths.replace(ID)), (c) => {
    const found = record(c);
    if (!found) return missing(c);
    const values = formValuesFrom(c.var.consoleForm);
    return change(
      c,
      `Trusted origin ${values.name} saved.`,
      () => trustedOrigins.replace(found.id, requestBodyOf(values), actorOf(c)),
      (error) => form(c, `Edit ${found.name}`, paths.replace(found.id), values, error),
    );
  });

  for (const [path, status, word] of [
    [paths.activate(ID), 'ACTIVE', 'activated'],
    [paths.deactivate(ID), 'INACTIVE', 'deactivated'],
  ] as const) {
    routes.post(routedPath(path), (c) => {
      const found = record(c);
      if (!found) return missing(c);
      return change(c, `Trusted origin ${found.name} ${word}.`, () => trustedOrigins.setStatus(found.id, status, actorOf(c)));
    });
  }

  routes.get(routedPath(paths.deleteConfirmation(ID)), (c) => {
    const found = record(c);
    return found ? page(c, `Delete ${found.name}`, deleteConfirmationBody(found, c.var.viewer.csrfToken)) : missing(c);
  });

  routes.post(routedPath(paths.delete(ID)), (c) => {
    const found = record(c);
    if (!found) return missing(c);
    return change(c, `Trusted origin ${found.name} deleted.`, () => trustedOrigins.delete(found.id));
  });
}
