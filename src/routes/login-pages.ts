/** The HTML a person sees on the emulator's sign-in pages. Every value is escaped. */
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} - okta-mock</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

export function signInPage(options: { fromURI?: string | undefined; error?: string | undefined; username?: string | undefined }): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return page(
    'Sign in',
    `${error}<form method="post" action="/login/login.htm">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" value="${escapeHtml(options.username ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<input type="hidden" name="fromURI" value="${escapeHtml(options.fromURI ?? '')}">
<button type="submit">Sign in</button>
</form>
<p>The fixture admin is <code>admin@example.com</code> with password <code>okta-mock</code>.</p>`,
  );
}

export function signedInPage(login: string): string {
  return page(
    'Signed in',
    `<p id="signed-in">You are signed in as <strong>${escapeHtml(login)}</strong>. Your session cookie is set for this org.</p>
<p><a href="/login/signout">Sign out</a></p>`,
  );
}

export function untrustedRedirectPage(target: string): string {
  return page(
    'Redirect not allowed',
    `<p id="untrusted-redirect">The redirect to <code>${escapeHtml(target)}</code> was not followed: its origin is not an
active trusted origin with the REDIRECT scope in this org.</p>`,
  );
}
