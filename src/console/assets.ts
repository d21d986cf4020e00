/**
 * The console's browser scripts, served as they are written: plain modules,
 * no build step. Each page module registers its own under a file name.
 */
export type ConsoleAssets = Map<string, string>;

export const JAVASCRIPT = 'text/javascript; charset=utf-8';

/** Reads the page's CSRF token, for `fetch` calls that change the org. */
export const CSRF_SNIPPET = `const csrfToken = document.querySelector('meta[name="okta-mock-csrf"]').content;`;
