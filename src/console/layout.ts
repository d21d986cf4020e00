import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { CONSOLE_ASSETS, CONSOLE_PAGES, type ConsolePageId } from './paths.js';

export type ConsoleHtml = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The console's look: plain CSS in the page, so it needs no build step and no CDN. */
const STYLE = `
:root{--ink:#1d1d21;--muted:#5c5c63;--line:#d7d7dc;--accent:#0a5cd6;--bad:#b00020;--bad-bg:#fdecee;--ok:#0b6b2b;font-family:system-ui,sans-serif;color:var(--ink)}
body{margin:0}a{color:var(--accent)}
.console-header{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1.25rem;border-bottom:1px solid var(--line);background:#f6f6f8}
.console-header .brand{font-weight:600}
.console{display:flex;min-height:calc(100vh - 3rem)}
.console nav{width:13rem;border-right:1px solid var(--line);padding:1rem}
.console nav ul{list-style:none;margin:0;padding:0}.console nav li{margin:.4rem 0}
.console nav .section{display:block;color:var(--muted);font-size:.8rem}
.console nav a[aria-current=page]{font-weight:600}
main{flex:1;padding:1rem 1.5rem;max-width:70rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
label{display:block;margin:.8rem 0 .25rem;font-weight:500}
input[type=text],input[type=url],select{padding:.4rem;min-width:22rem;box-sizing:border-box}
fieldset{border:1px solid var(--line);margin:.8rem 0;padding:.5rem .8rem}
button{padding:.45rem .9rem;margin:.2rem .2rem .2rem 0}
.field-error,.error{color:var(--bad)}
.refused{background:var(--bad-bg)}
.status-ACTIVE{color:var(--ok)}.status-INACTIVE{color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.button{display:inline-block;padding:.45rem .9rem;margin:.2rem .2rem .2rem 0;border:1px solid var(--accent);border-radius:3px;background:var(--accent);color:#fff;text-decoration:none;font:inherit}
.button.secondary{background:#fff;color:var(--accent)}
.button.danger{background:var(--bad);border-color:var(--bad);color:#fff}
.row-actions{white-space:nowrap}.row-actions form{display:inline}
.notice{padding:.5rem .8rem;border-left:4px solid var(--ok);background:#eef7f0}
.form-errors{padding:.5rem .8rem;border-left:4px solid var(--bad);background:var(--bad-bg)}
.field-error p{margin:.25rem 0}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}
fieldset label{display:inline;font-weight:400;margin:0 0 0 .3rem}
fieldset .choice{margin:.35rem 0}fieldset .choice.nested{margin-left:1.6rem}
input[aria-invalid=true]{border:2px solid var(--bad)}
`;

export interface ConsolePageOptions {
  current: ConsolePageId;
  title: string;
  login: string;
  csrfToken: string;
  body: ConsoleHtml;
  /** Scripts under the console's assets path, by file name. */
  scripts?: string[];
  /** What the last change did ("Trusted origin … added"), announced as a status message. */
  notice?: string | undefined;
}

/** A console page: the header, the navigation, then the page's own content. Every value is escaped. */
export function consolePage(options: ConsolePageOptions): ConsoleHtml {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="okta-mock-csrf" content="${options.csrfToken}">
<title>${options.title} - okta-mock Admin Console</title>
<style>${raw(STYLE)}</style>
${(options.scripts ?? []).map((name) => html`<script type="module" src="${CONSOLE_ASSETS}/${name}"></script>`)}
</head>
<body>
<header class="console-header"><span class="brand">okta-mock Admin Console</span>
<span>Signed in as <strong>${options.login}</strong> · <a href="/login/signout">Sign out</a></span></header>
<div class="console">
<nav aria-label="Admin Console"><ul>
${CONSOLE_PAGES.map(
  (page) => html`<li><span class="section">${page.section}</span><a href="${page.path}"${page.id === options.current ? html` aria-current="page"` : ''}>${page.title}</a></li>`,
)}
</ul></nav>
<main id="main">
<h1>${options.title}</h1>
${options.notice === undefined ? '' : html`<p class="notice" role="status">${options.notice}</p>`}
${options.body}
</main>
</div>
</body></html>`;
}

/** A page with one message, for refusals before any console page is reached. */
export function consoleMessagePage(title: string, message: string): ConsoleHtml {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} - okta-mock Admin Console</title><style>${raw(STYLE)}</style></head>
<body><main id="main"><h1>${title}</h1><p role="alert">${message}</p><p><a href="/login/login.htm">Sign in</a></p></main></body></html>`;
}
