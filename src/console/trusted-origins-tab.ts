import { html } from 'hono/html';
import { consolePage } from './layout.js';
import { consolePath } from './paths.js';
import type { ConsolePageContext } from './routes.js';

const TAB = consolePath('trusted-origins');
const routedPath = (path: string) => path.slice('/admin'.length);

/** Security › API › Trusted Origins: the org's trusted origins, as the guide's steps use them. */
export function trustedOriginsTab({ routes, trustedOriginRecords }: ConsolePageContext): void {
  routes.get(routedPath(TAB), (c) => {
    const viewer = c.var.viewer;
    const items = [...trustedOriginRecords.all()];
    const body = html`<table>
<thead><tr><th scope="col">Name</th><th scope="col">Origin URL</th><th scope="col">Type</th><th scope="col">Status</th></tr></thead>
<tbody>${items.map((record) => html`<tr><td>${record.name}</td><td>${record.origin}</td><td>${record.scopes.map((s) => s.type).join(', ')}</td><td>${record.status}</td></tr>`)}</tbody>
</table>`;
    return c.html(consolePage({ current: 'trusted-origins', title: 'Trusted Origins', login: viewer.user.profile.login, csrfToken: viewer.csrfToken, body }));
  });
}
