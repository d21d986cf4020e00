import { html } from 'hono/html';
import type { OktaApiError } from '../errors.js';
import type { TrustedOriginRecord } from '../domain/trusted-origin.js';
import { CSRF_FIELD } from './auth.js';
import type { ConsoleHtml } from './layout.js';
import {
  END_USER_DASHBOARD_WORDS,
  FORM_FIELDS,
  placeCauses,
  SCOPE_WORDS,
  scopeWords,
  STATUS_WORDS,
  type FormField,
  type OriginFormValues,
} from './origin-form.js';
import { trustedOriginsTabPaths as paths } from './trusted-origins-paths.js';

/** The bodies of the Trusted Origins tab's pages; every value from the org is escaped by hono/html. */

const csrfInput = (csrfToken: string) => html`<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">`;

/** A one-button form that posts a change, named for the record it changes. */
function changeButton(action: string, word: string, record: TrustedOriginRecord, csrfToken: string, className = 'button secondary'): ConsoleHtml {
  return html`<form method="post" action="${action}">${csrfInput(csrfToken)}<button type="submit" class="${className}">${word}<span class="visually-hidden"> ${record.name}</span></button></form>`;
}

function recordRow(record: TrustedOriginRecord, csrfToken: string): ConsoleHtml {
  const lifecycle =
    record.status === 'ACTIVE'
      ? changeButton(paths.deactivate(record.id), 'Deactivate', record, csrfToken)
      : changeButton(paths.activate(record.id), 'Activate', record, csrfToken);
  return html`<tr>
<th scope="row">${record.name}</th><td>${record.origin}</td><td>${scopeWords(record.scopes).join(', ')}</td>
<td class="status-${record.status}">${STATUS_WORDS[record.status]}</td>
<td class="row-actions"><a class="button secondary" href="${paths.editForm(record.id)}">Edit<span class="visually-hidden"> ${record.name}</span></a>
${lifecycle}
<a class="button secondary" href="${paths.deleteConfirmation(record.id)}">Delete<span class="visually-hidden"> ${record.name}</span></a></td>
</tr>`;
}

/** The list, in the order the API lists the records. */
export function listBody(records: readonly TrustedOriginRecord[], csrfToken: string): ConsoleHtml {
  return html`<p>Websites allowed to call this org from a browser (CORS), to be sent to after signing in or out (Redirect), or to embed its pages (iFrame embed).</p>
<p><a class="button" href="${paths.addForm}">Add Origin</a></p>
<table>
<caption class="visually-hidden">Trusted origins</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Origin URL</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
<tbody>${records.length === 0 ? html`<tr><td colspan="5">No trusted origins yet.</td></tr>` : records.map((record) => recordRow(record, csrfToken))}</tbody>
</table>`;
}

export interface FormBodyOptions {
  /** Where the form posts: create for Add Origin, replace for Edit. */
  action: string;
  values: OriginFormValues;
  csrfToken: string;
  /** The API's refusal of what was typed, shown beside the fields it concerns. */
  error?: OktaApiError | undefined;
}

const FIELD_IDS: Record<FormField, string> = { name: 'origin-name', origin: 'origin-url', scopes: 'origin-type' };
const errorIdOf = (field: FormField) => `${FIELD_IDS[field]}-error`;

/**
 * Add Origin and Edit: Name, Origin URL, Type (CORS, Redirect, iFrame embed),
 * Save and Cancel, the words of the guide. The form posts without
 * JavaScript; the browser's own checks are off so the API's messages show.
 */
export function formBody({ action, values, csrfToken, error }: FormBodyOptions): ConsoleHtml {
  const placed = placeCauses(error?.errorCauses ?? []);
  const firstInvalid = (['name', 'origin', 'scopes'] as const).find((f) => placed.byField[f].length > 0);
  const invalid = (field: FormField) => placed.byField[field].length > 0;
  const described = (field: FormField, hint?: string) => {
    const ids = [hint, invalid(field) ? errorIdOf(field) : undefined].filter(Boolean).join(' ');
    return ids === '' ? '' : html` aria-describedby="${ids}"`;
  };
  const invalidAttrs = (field: FormField) => (invalid(field) ? html` aria-invalid="true"${firstInvalid === field ? html` autofocus` : ''}` : '');
  const fieldErrors = (field: FormField) =>
    invalid(field) ? html`<div class="field-error" id="${errorIdOf(field)}">${placed.byField[field].map((text) => html`<p>${text}</p>`)}</div>` : '';
  const checkbox = (name: string, id: string, checked: boolean, label: string, extra: ConsoleHtml | string = '') =>
    html`<input type="checkbox" id="${id}" name="${name}" value="on"${checked ? html` checked` : ''}${extra}><label for="${id}">${label}</label>`;
  // Each Type box is tied to the Type error; the first one takes the focus when Type is the first field in error.
  const typeBoxAttrs = (first: boolean) =>
    invalid('scopes') ? html` aria-invalid="true" aria-describedby="${errorIdOf('scopes')}"${first && firstInvalid === 'scopes' ? html` autofocus` : ''}` : '';
  const scopeBoxes = SCOPE_WORDS.map(({ type, word, box }, index) => {
    const choice = html`<div class="choice">${checkbox(FORM_FIELDS[box], `origin-type-${type}`, values[box], word, typeBoxAttrs(index === 0))}</div>`;
    if (type !== 'IFRAME_EMBED') return choice;
    return html`${choice}<div class="choice nested">${checkbox(FORM_FIELDS.endUserDashboard, 'origin-type-OKTA_ENDUSER', values.endUserDashboard, END_USER_DASHBOARD_WORDS, html` aria-describedby="origin-enduser-hint"`)}
<p class="hint" id="origin-enduser-hint">Applies with iFrame embed.</p></div>`;
  });
  return html`${error === undefined ? '' : html`<div class="form-errors" role="alert" id="form-errors"><p>${error.errorSummary}</p>${placed.unplaced.map((text) => html`<p>${text}</p>`)}</div>`}
<form method="post" action="${action}" novalidate>
${csrfInput(csrfToken)}
<label for="${FIELD_IDS.name}">Name</label>
<input type="text" id="${FIELD_IDS.name}" name="${FORM_FIELDS.name}" value="${values.name}" autocomplete="off"${described('name')}${invalidAttrs('name')}>
${fieldErrors('name')}
<label for="${FIELD_IDS.origin}">Origin URL</label>
<input type="text" inputmode="url" id="${FIELD_IDS.origin}" name="${FORM_FIELDS.origin}" value="${values.origin}" autocomplete="off" spellcheck="false"${described('origin', 'origin-url-hint')}${invalidAttrs('origin')}>
<p class="hint" id="origin-url-hint">The base URL of the website, such as https://app.example.com</p>
${fieldErrors('origin')}
<fieldset${invalid('scopes') ? html` aria-describedby="${errorIdOf('scopes')}"` : ''}>
<legend>Type</legend>
${scopeBoxes}
${fieldErrors('scopes')}
</fieldset>
<button type="submit" class="button">Save</button>
<a class="button secondary" href="${paths.list}">Cancel</a>
</form>`;
}

/** Delete asks first: the record is gone for every client once confirmed. */
export function deleteConfirmationBody(record: TrustedOriginRecord, csrfToken: string): ConsoleHtml {
  return html`<p>Delete the trusted origin <strong>${record.name}</strong> (${record.origin})? Browsers on that origin lose what it allowed with the next request. This cannot be undone.</p>
<form method="post" action="${paths.delete(record.id)}">${csrfInput(csrfToken)}
<button type="submit" class="button danger">Delete</button>
<a class="button secondary" href="${paths.list}">Cancel</a>
</form>`;
}

export function missingRecordBody(id: string): ConsoleHtml {
  return html`<p role="alert">There is no trusted origin ${id}: it may have been deleted.</p><p><a href="${paths.list}">Back to Trusted Origins</a></p>`;
}
