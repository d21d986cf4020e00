/**
 * The journal entry of the issue's own example: an untrusted preflight from
 * http://127.0.0.1:3000 while http://localhost:3000 (`id`) is trusted for CORS.
 * Shared by the app and CLI tests so both check the same promise.
 */
export const refusedLocalhostAliasPreflight = (id: string) => ({
  method: 'OPTIONS',
  path: '/api/v1/users/me',
  query: '',
  status: 200,
  origin: 'http://127.0.0.1:3000',
  auth: 'none',
  errorCode: null,
  decision: {
    kind: 'cors',
    subject: 'http://127.0.0.1:3000',
    allowed: false,
    trustedOriginId: id,
    reason: 'http://127.0.0.1:3000 is not a trusted origin for CORS',
    hint: `http://localhost:3000 is (${id}): browsers treat localhost and 127.0.0.1 as different origins`,
  },
});
