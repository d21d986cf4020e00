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
/**
 * One record's pages sit one level down, not beside `new`: Hono's RegExpRouter
 * (its fastest, which the whole app's API paths share) cannot route a static
 * segment and a parameter with children at the same level, and would make the
 * app fall back to the slower TrieRouter for every request.
 */
const TRUSTED_ORIGIN_PAGES = `${TRUSTED_ORIGINS_TAB}/origin`;

export const trustedOriginsTabPaths = {
  list: TRUSTED_ORIGINS_TAB,
  addForm: `${TRUSTED_ORIGINS_TAB}/new`,
  create: TRUSTED_ORIGINS_TAB,
  editForm: (id: string) => `${TRUSTED_ORIGIN_PAGES}/${id}/edit`,
  replace: (id: string) => `${TRUSTED_ORIGIN_PAGES}/${id}`,
  activate: (id: string) => `${TRUSTED_ORIGIN_PAGES}/${id}/activate`,
  deactivate: (id: string) => `${TRUSTED_ORIGIN_PAGES}/${id}/deactivate`,
  deleteConfirmation: (id: string) => `${TRUSTED_ORIGIN_PAGES}/${id}/delete`,
  delete: (id: string) => `${TRUSTED_ORIGIN_PAGES}/${id}/delete`,
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
