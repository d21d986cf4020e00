import { html } from 'hono/html';
import { consolePage } from './layout.js';
import { consolePath } from './paths.js';
import type { ConsolePageContext } from './routes.js';

const VIEW = consolePath('requests');
const routedPath = (path: string) => path.slice('/admin'.length);

/** The journal as a page: what the org answered, newest first, and why it refused. */
export function requestsView({ routes, journal }: ConsolePageContext): void {
  routes.get(routedPath(VIEW), (c) => {
    const viewer = c.var.viewer;
    const entries = journal.entries({ limit: 200 }).reverse();
    const body = html`<table>
<thead><tr><th scope="col">Time</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Origin</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><td>${e.time}</td><td>${e.method} ${e.path}</td><td>${e.status}</td><td>${e.origin ?? ''}</td></tr>`)}</tbody>
</table>`;
    return c.html(consolePage({ current: 'requests', title: 'Requests', login: viewer.user.profile.login, csrfToken: viewer.csrfToken, body }));
  });
}
