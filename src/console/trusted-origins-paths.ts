import { consolePath } from './paths.js';

/** The list: Security › API › Trusted Origins, at the real Admin Console's path. */
export const TRUSTED_ORIGINS_TAB = consolePath('trusted-origins');

/**
 * Every address of the Trusted Origins tab, in one place: the pages link to
 * them and the tests walk them. Forms post to plain paths so the tab works
 * without JavaScript (POST, then a redirect to a GET). Ids go in as they are:
 * the store only holds ids of Okta's URL-safe form (`tos` + base62), and
 * passing `':id'` gives the route's pattern.
 */
export const trustedOriginsTabPaths = {
  list: TRUSTED_ORIGINS_TAB,
  addForm: `${TRUSTED_ORIGINS_TAB}/new`,
  create: TRUSTED_ORIGINS_TAB,
  editForm: (id: string) => `${TRUSTED_ORIGINS_TAB}/${id}/edit`,
  replace: (id: string) => `${TRUSTED_ORIGINS_TAB}/${id}`,
  activate: (id: string) => `${TRUSTED_ORIGINS_TAB}/${id}/activate`,
  deactivate: (id: string) => `${TRUSTED_ORIGINS_TAB}/${id}/deactivate`,
  deleteConfirmation: (id: string) => `${TRUSTED_ORIGINS_TAB}/${id}/delete`,
  delete: (id: string) => `${TRUSTED_ORIGINS_TAB}/${id}/delete`,
} as const;

/** The pages a signed-in admin opens (GET) and the changes they post, for one record's id. */
export const trustedOriginsTabPages = (id: string): string[] => [
  trustedOriginsTabPaths.list,
  trustedOriginsTabPaths.addForm,
  trustedOriginsTabPaths.editForm(id),
  trustedOriginsTabPaths.deleteConfirmation(id),
];

export const trustedOriginsTabChanges = (id: string): string[] => [
  trustedOriginsTabPaths.create,
  trustedOriginsTabPaths.replace(id),
  trustedOriginsTabPaths.activate(id),
  trustedOriginsTabPaths.deactivate(id),
  trustedOriginsTabPaths.delete(id),
];
