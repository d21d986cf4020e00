import { html, raw } from 'hono/html';
import { parseRequestFilter } from '../domain/request-filter.js';
import { consolePage } from './layout.js';
import { consolePath, CONSOLE_ROOT } from './paths.js';
import { FEED_LIMIT, requestFeed } from './requests-feed.js';
import { REQUESTS_SCRIPT } from './requests-script.js';
import { trustFixRoute } from './requests-trust.js';
import type { ConsolePageContext } from './routes.js';

const VIEW = consolePath('requests');
export const REQUESTS_FEED = `${VIEW}/feed`;
export const REQUESTS_TRUST = `${VIEW}/trust`;
const SCRIPT = 'requests-view.js';
const routedPath = (path: string) => path.slice(CONSOLE_ROOT.length);

/** The page's own look, beside the layout's: refused rows carry a word and a border, not colour alone. */
const STYLE = `
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;margin-bottom:.5rem}
.filters .check label{display:inline;margin:0 0 0 .3rem}
.filters label{margin-top:0}
.verdict-refused{color:var(--bad)}.verdict-allowed{color:var(--ok)}
tr.refused td:first-child{border-left:4px solid var(--bad)}
.decision p{margin:.2rem 0}.hint-label{font-weight:600}
td time{white-space:nowrap}
.feed-state{color:var(--muted);font-size:.9rem}
.outcome:focus{outline:2px solid var(--accent)}
button:focus-visible,input:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
dialog{max-width:36rem}
`;

/** The journal as a page: what the org answered, newest first, live, and a fix for what it refused. */
export function requestsView(context: ConsolePageContext): void {
  const { routes, assets, journal, trustedOriginRecords } = context;
  assets.set(SCRIPT, REQUESTS_SCRIPT);

  routes.get(routedPath(VIEW), (c) => {
    const viewer = c.var.viewer;
    const filter = parseRequestFilter((name) => c.req.query(name));
    const body = html`<style>${raw(STYLE)}</style>
<p>Every request the org answered, newest first, as it answers them. The console's own pages are not listed.</p>
${journal.capacity === 0 ? html`<p role="note"><strong>This org keeps no journal</strong> (it was started with a journal size of 0), so no request can be listed here.</p>` : ''}
<form id="request-filters" class="filters" method="get" action="${VIEW}" role="search" aria-label="Filter requests">
<div class="check"><input type="checkbox" id="filter-refused" name="refused" value="1"${filter.refusedOnly ? html` checked` : ''}><label for="filter-refused">Refused only</label></div>
<div><label for="filter-origin">Origin contains</label><input type="text" id="filter-origin" name="origin" value="${filter.origin}" list="seen-origins" autocomplete="off"></div>
<datalist id="seen-origins"></datalist>
<button type="submit">Apply filters</button>
</form>
<p id="feed-state" class="feed-state" role="status">Loading requests…</p>
<p id="requests-outcome" class="outcome" role="status" tabindex="-1"></p>
<noscript><p>The list needs JavaScript; the same entries are at <code>GET /__okta-mock/requests</code>.</p></noscript>
<table id="requests" data-feed="${REQUESTS_FEED}" data-trust="${REQUESTS_TRUST}" data-max-rows="${FEED_LIMIT}">
<caption class="visually-hidden">Requests the org answered, newest first</caption>
<thead><tr><th scope="col">Time</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Origin</th><th scope="col">Error code</th><th scope="col">Decision</th></tr></thead>
<tbody></tbody>
</table>
<p id="requests-empty" hidden>No request matches yet.</p>
<dialog id="trust-dialog" aria-labelledby="trust-dialog-title" aria-describedby="trust-dialog-text">
<form method="dialog">
<h2 id="trust-dialog-title">Trust this origin?</h2>
<p id="trust-dialog-text"></p>
<button type="submit" value="cancel">Cancel</button>
<button type="submit" value="confirm" id="trust-confirm">Trust it</button>
</form>
</dialog>`;
    return c.html(consolePage({ current: 'requests', title: 'Requests', login: viewer.user.profile.login, csrfToken: viewer.csrfToken, body, scripts: [SCRIPT] }));
  });

  routes.get(routedPath(REQUESTS_FEED), (c) => {
    const since = c.req.query('since');
    const feed = requestFeed(journal, trustedOriginRecords, {
      since: since === undefined || since === '' ? undefined : since,
      filter: parseRequestFilter((name) => c.req.query(name)),
    });
    return c.json(feed, 200, { 'Cache-Control': 'no-store' });
  });

  routes.post(routedPath(REQUESTS_TRUST), trustFixRoute(context));
}
