import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startStaticSite } from './static-site.js';

/**
 * A second local website, on its own port of 127.0.0.1, standing in for the
 * customer's app of Okta's "Enable CORS" guide. Its page carries the guide's
 * three request samples (fetch, XMLHttpRequest, jQuery) as functions on
 * `window`, each resolving with what the sample saw instead of alerting.
 */
export interface AppPageServer {
  /** `http://127.0.0.1:<port>`: the page's origin, as the browser sends it in `Origin`. */
  origin: string;
  /** The app page with the samples. */
  pageUrl: string;
  /** Where the org redirects back to after sign-in or sign-out; the same page, marked as a landing. */
  landingUrl: string;
  close(): Promise<void>;
}

/** What a sample resolves with; `body` is the parsed answer when the browser let the page read it. */
export type SampleOutcome =
  | { outcome: 'resolved'; status: number; body: unknown }
  | { outcome: 'rejected'; name: string; message: string }
  | { outcome: 'onload'; status: number; body: unknown }
  | { outcome: 'onerror'; status: number }
  | { outcome: 'unsupported' }
  | { outcome: 'done'; body: unknown }
  | { outcome: 'fail'; status: number; textStatus: string; errorSummary: string | undefined; title: string };

const JQUERY = fileURLToPath(new URL('../../node_modules/jquery/dist/jquery.min.js', import.meta.url));

/** The page's script: the guide's samples with `baseUrl` set to the emulator and results returned, not alerted. */
function samplesScript(oktaUrl: string): string {
  return `
var baseUrl = ${JSON.stringify(oktaUrl)};

// The guide's fetch sample.
window.fetchSample = async function () {
  try {
    const response = await fetch(baseUrl + '/api/v1/users/me', { credentials: 'include' });
    const me = await response.json();
    return { outcome: 'resolved', status: response.status, body: me };
  } catch (err) {
    return { outcome: 'rejected', name: err.name, message: err.message };
  }
};

// The guide's XMLHttpRequest sample.
window.xhrSample = function () {
  return new Promise(function (resolve) {
    var xhr = new XMLHttpRequest();
    if (!('withCredentials' in xhr)) return resolve({ outcome: 'unsupported' });
    xhr.onerror = function () { resolve({ outcome: 'onerror', status: xhr.status }); };
    xhr.onload = function () { resolve({ outcome: 'onload', status: xhr.status, body: JSON.parse(xhr.responseText) }); };
    xhr.open('GET', baseUrl + '/api/v1/users/me', true);
    xhr.withCredentials = true;
    xhr.send();
  });
};

// The guide's jQuery sample.
window.jquerySample = function () {
  return new Promise(function (resolve) {
    $.ajax({
      url: baseUrl + '/api/v1/users/me',
      type: 'GET',
      xhrFields: { withCredentials: true },
      accept: 'application/json'
    }).done(function (data) {
      resolve({ outcome: 'done', body: data });
    }).fail(function (xhr, textStatus) {
      var title;
      switch (xhr.status) {
        case 403: title = xhr.responseJSON.errorSummary; break;
        default: title = 'Invalid URL or cross-origin request blocked';
      }
      resolve({ outcome: 'fail', status: xhr.status, textStatus: textStatus,
        errorSummary: xhr.responseJSON && xhr.responseJSON.errorSummary, title: title });
    });
  });
};

// Any credentialed call to the org, for preflighted requests and sign-in over the API.
window.callOkta = async function (path, init) {
  try {
    const response = await fetch(baseUrl + path, Object.assign({ credentials: 'include' }, init || {}));
    const text = await response.text();
    return { outcome: 'resolved', status: response.status, body: text === '' ? null : JSON.parse(text) };
  } catch (err) {
    return { outcome: 'rejected', name: err.name, message: err.message };
  }
};
`;
}

function appPage(oktaUrl: string, landing: boolean): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${landing ? 'Landing' : 'App'} - CORS test app</title>
<script src="/jquery.min.js"></script>
<script>${samplesScript(oktaUrl)}</script></head>
<body><h1 id="${landing ? 'landing' : 'app'}">${landing ? 'Back on the app' : 'CORS test app'}</h1></body>
</html>`;
}

/** Starts the app website on 127.0.0.1 (any free port), its samples calling the org at `oktaUrl`. */
export async function startAppPageServer(oktaUrl: string): Promise<AppPageServer> {
  const jquery = await readFile(JQUERY, 'utf8');
  const html = 'text/html; charset=utf-8';
  const site = await startStaticSite({
    '/app': { type: html, body: appPage(oktaUrl, false) },
    '/landing': { type: html, body: appPage(oktaUrl, true) },
    '/jquery.min.js': { type: 'text/javascript; charset=utf-8', body: jquery },
  });
  return { origin: site.origin, pageUrl: `${site.origin}/app`, landingUrl: `${site.origin}/landing`, close: site.close };
}
