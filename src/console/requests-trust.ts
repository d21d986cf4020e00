/**
 * The one-click fix's route: the page names a journaled request, the server
 * decides the fix from the journal (never from what the page says) and makes
 * it through the API's model, as the signed-in admin.
 */
import type { Context } from 'hono';
import { describeTrustFix, type TrustFix } from '../domain/trust-fix.js';
import { OktaApiError } from '../errors.js';
import type { Journal } from '../journal.js';
import type { TrustedOriginModel } from '../model/trusted-origins.js';
import type { TrustedOriginStore } from '../store/trusted-origin-store.js';
import type { ConsoleEnv } from './auth.js';
import { trustFixFor } from './requests-feed.js';

/** The form field that names the request to fix. */
export const REQUEST_ID_FIELD = 'requestId';

export interface TrustFixDeps {
  journal: Journal;
  trustedOrigins: TrustedOriginModel;
  trustedOriginRecords: TrustedOriginStore;
}

async function apply(fix: Exclude<TrustFix, { action: 'none' }>, deps: TrustFixDeps, actorId: string) {
  if (fix.action === 'create') {
    return deps.trustedOrigins.create({ name: fix.name, origin: fix.origin, scopes: [{ type: fix.scope }] }, actorId);
  }
  let record = deps.trustedOrigins.get(fix.trustedOriginId);
  if (fix.addScope) record = await deps.trustedOrigins.replace(record.id, { name: record.name, origin: record.origin, scopes: fix.scopes }, actorId);
  if (fix.activate) record = await deps.trustedOrigins.setStatus(record.id, 'ACTIVE', actorId);
  return record;
}

/** Answers in JSON: `{ message, trustedOrigin? }`, 200 when changed, 400 when nothing to fix, 404 for an unknown request. */
export function trustFixRoute(deps: TrustFixDeps) {
  return async (c: Context<ConsoleEnv>) => {
    const requestId = c.var.consoleForm?.get(REQUEST_ID_FIELD) ?? '';
    const entry = requestId === '' ? undefined : deps.journal.entries().find((e) => e.requestId === requestId);
    if (entry === undefined) {
      return c.json({ message: `No request ${requestId === '' ? '(none named)' : requestId} is in the journal (it may have been cleared or rolled over).` }, 404);
    }
    const fix = trustFixFor(entry, deps.trustedOriginRecords);
    if (fix.action === 'none') return c.json({ message: describeTrustFix(fix) }, 400);
    try {
      const record = await apply(fix, deps, c.var.viewer.user.id);
      return c.json({ message: `Done. ${describeTrustFix(fix)}`, trustedOrigin: { id: record.id, name: record.name, origin: record.origin, status: record.status, scopes: record.scopes } });
    } catch (error) {
      // The API's validation refused it (a name or origin it would not take): say so, change nothing more.
      if (error instanceof OktaApiError) {
        const causes = error.errorCauses.map((cause) => cause.errorSummary).join('; ');
        return c.json({ message: `The org refused the change: ${error.errorSummary}${causes ? ` (${causes})` : ''}` }, 400);
      }
      throw error;
    }
  };
}
