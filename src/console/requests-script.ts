import { CSRF_SNIPPET } from './assets.js';
import { CSRF_HEADER } from './auth.js';

/** How often the page asks for new rows. */
export const POLL_MS = 250;

/**
 * The request view's browser script, a plain ES module. Every value from the
 * journal (an `Origin` header, a path, a hint naming a trusted origin) is
 * attacker-controlled, so it only ever reaches the page through
 * `textContent` and `setAttribute`, never as markup.
 *
 * It polls rather than holding a server-sent event stream open: polling works
 * unchanged when the org runs in a service worker under MSW, and leaves no
 * request in flight to hold up the node server's graceful stop.
 */
export const REQUESTS_SCRIPT = String.raw`${CSRF_SNIPPET}
const POLL_MS = ${POLL_MS};
const table = document.getElementById('requests');
const rows = table.tBodies[0];
const feedUrl = table.dataset.feed;
const trustUrl = table.dataset.trust;
const maxRows = Number(table.dataset.maxRows);
const filters = document.getElementById('request-filters');
const refusedBox = document.getElementById('filter-refused');
const originField = document.getElementById('filter-origin');
const seenList = document.getElementById('seen-origins');
const outcome = document.getElementById('requests-outcome');
const feedState = document.getElementById('feed-state');
const empty = document.getElementById('requests-empty');
const dialog = document.getElementById('trust-dialog');
const dialogTitle = document.getElementById('trust-dialog-title');
const dialogText = document.getElementById('trust-dialog-text');

let since = null;
// Bumped when the filters change, so an answer asked for under the old ones is dropped.
let generation = 0;
let timer;
let stopped = false;
const shownIds = new Set();
const seenOrigins = new Set();

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function cell(row, content, className) {
  const td = element('td', undefined, className);
  if (typeof content === 'string') td.textContent = content;
  else td.append(content);
  row.append(td);
}

function decisionCell(item) {
  const td = element('td', undefined, 'decision');
  const d = item.decision;
  if (!d) return td;
  const verdict = element('strong', d.allowed ? 'Allowed' : 'Refused', d.allowed ? 'verdict verdict-allowed' : 'verdict verdict-refused');
  td.append(verdict, document.createTextNode(d.kind === 'cors' ? ' CORS' : ' Redirect to '));
  if (d.kind === 'redirect') td.append(element('span', d.subject, 'subject'));
  td.append(element('p', d.reason, 'reason'));
  if (d.hint) {
    const hint = element('p', undefined, 'hint');
    hint.append(element('span', 'Hint: ', 'hint-label'), document.createTextNode(d.hint));
    td.append(hint);
  }
  if (item.fix) {
    const button = element('button', item.fix.label, 'trust-fix');
    button.type = 'button';
    button.addEventListener('click', () => askToTrust(item, button));
    td.append(button);
  }
  return td;
}

function rowFor(item) {
  const tr = element('tr', undefined, item.refused ? 'refused' : undefined);
  tr.setAttribute('data-request-id', item.requestId);
  const time = element('time', item.time.slice(11, 23) + ' UTC');
  time.setAttribute('datetime', item.time);
  cell(tr, time);
  const request = element('td');
  request.append(element('code', item.method + ' ' + item.path + (item.query ? '?' + item.query : '')));
  if (item.retry !== null) request.append(element('span', ' retry ' + item.retry, 'retry'));
  tr.append(request);
  cell(tr, String(item.status));
  cell(tr, item.origin === null ? '' : item.origin, 'origin');
  const error = element('td', item.errorCode === null ? '' : item.errorCode);
  if (item.fault !== null) error.append(element('span', (item.errorCode === null ? '' : ' ') + 'fault rule ' + item.fault, 'fault'));
  tr.append(error);
  tr.append(decisionCell(item));
  return tr;
}

function remember(origin) {
  if (origin === null || seenOrigins.has(origin)) return;
  seenOrigins.add(origin);
  const option = document.createElement('option');
  option.value = origin;
  seenList.append(option);
}

function clearRows() {
  rows.replaceChildren();
  shownIds.clear();
}

/** Rows arrive newest first; the oldest of them goes in first so the newest ends on top. */
function show(items) {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    remember(item.origin);
    if (shownIds.has(item.requestId)) continue;
    shownIds.add(item.requestId);
    rows.prepend(rowFor(item));
  }
  while (rows.rows.length > maxRows) {
    const last = rows.rows[rows.rows.length - 1];
    shownIds.delete(last.getAttribute('data-request-id'));
    last.remove();
  }
  empty.hidden = rows.rows.length > 0;
}

const isJson = (response) => (response.headers.get('Content-Type') || '').startsWith('application/json');

function filterQuery() {
  const query = new URLSearchParams();
  if (refusedBox.checked) query.set('refused', '1');
  const origin = originField.value.trim();
  if (origin !== '') query.set('origin', origin);
  return query;
}

function stop(message) {
  stopped = true;
  feedState.textContent = message;
}

async function poll() {
  const mine = generation;
  const query = filterQuery();
  if (since !== null) query.set('since', since);
  try {
    const response = await fetch(feedUrl + '?' + query, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.redirected || !response.ok || !isJson(response)) {
      return stop('Updates stopped (the feed answered ' + response.status + '): sign in again and reload the page.');
    }
    const feed = await response.json();
    if (mine !== generation) return;
    if (feed.reset) clearRows();
    show(feed.rows);
    since = feed.latest;
    // Tells how far the rows have caught up (tests wait on it rather than on time).
    table.setAttribute('data-since', since === null ? '' : since);
    feedState.textContent = 'Live: new requests appear as the org answers them.';
  } catch (error) {
    if (mine === generation) feedState.textContent = 'The org does not answer; trying again.';
  } finally {
    if (mine === generation && !stopped) timer = setTimeout(poll, POLL_MS);
  }
}

/** Starts the rows afresh under the filters as they are now, and puts them in the address so a reload keeps them. */
function restart() {
  generation++;
  clearTimeout(timer);
  since = null;
  stopped = false;
  clearRows();
  const query = filterQuery().toString();
  history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
  poll();
}

let typing;
refusedBox.addEventListener('change', restart);
originField.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(restart, 200);
});
filters.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  restart();
});

let pending = null;
function askToTrust(item, button) {
  pending = { item, button };
  dialogTitle.textContent = item.fix.label + '?';
  dialogText.textContent = item.fix.confirm;
  dialog.returnValue = '';
  dialog.showModal();
}

dialog.addEventListener('close', async () => {
  const chosen = pending;
  pending = null;
  if (chosen === null) return;
  if (dialog.returnValue !== 'confirm') return chosen.button.focus();
  chosen.button.disabled = true;
  try {
    const response = await fetch(trustUrl, {
      method: 'POST',
      headers: { '${CSRF_HEADER}': csrfToken, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ requestId: chosen.item.requestId }),
    });
    const answer = isJson(response) ? await response.json() : { message: 'The change was refused (' + response.status + '). Reload the page and try again.' };
    outcome.textContent = answer.message;
    outcome.className = response.ok ? 'outcome' : 'outcome error';
    if (response.ok) restart();
    else chosen.button.disabled = false;
  } catch (error) {
    outcome.textContent = 'The org does not answer; nothing was changed.';
    outcome.className = 'outcome error';
    chosen.button.disabled = false;
  }
  outcome.focus();
});

poll();
`;
