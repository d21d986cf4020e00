/**
 * The console's pages, in the order its navigation shows them. The Trusted
 * Origins tab sits at the real Admin Console's path, so the "Enable CORS"
 * guide's steps lead to the same place; the request view is okta-mock's own.
 */
import { CONSOLE_ROOT } from '../domain/control-path.js';

export { CONSOLE_ROOT };

export const CONSOLE_PAGES = [
  { id: 'trusted-origins', path: '/admin/access/api/trusted_origins', title: 'Trusted Origins', section: 'Security › API' },
  { id: 'requests', path: '/admin/okta-mock/requests', title: 'Requests', section: 'okta-mock' },
] as const;

export type ConsolePageId = (typeof CONSOLE_PAGES)[number]['id'];

export const consolePath = (id: ConsolePageId): string => CONSOLE_PAGES.find((page) => page.id === id)!.path;

/** Where `/admin` leads. */
export const CONSOLE_HOME = consolePath('trusted-origins');

/** The console's own scripts and styles, served by the org (no CDN). */
export const CONSOLE_ASSETS = `${CONSOLE_ROOT}/okta-mock/assets`;
