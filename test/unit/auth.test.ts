/**
 * Who an Authorization header names. The parse of the last header is reused
 * for the next request that sends the same one, so the cases run in one
 * sequence where each must still get its own answer after the one before.
 */
import { describe, expect, it } from 'vitest';
import { apiTokenOwner } from '../../src/middleware/auth.js';
import { OktaApiError } from '../../src/errors.js';
import { ADMIN_ID, createTestOrg, TOKEN } from '../support/org.js';

const answer = (header: string | undefined, users: Parameters<typeof apiTokenOwner>[1]) => {
  try {
    return apiTokenOwner(header, users)?.id ?? 'no token';
  } catch (error) {
    return error instanceof OktaApiError ? error.errorCode : 'threw';
  }
};

describe('apiTokenOwner', () => {
  it('answers every header on its own, also when the one before was the same or differed by a character', async () => {
    const { store } = await createTestOrg();
    const sequence: Array<[string | undefined, string]> = [
      [`SSWS ${TOKEN}`, ADMIN_ID],
      [`SSWS ${TOKEN}`, ADMIN_ID],
      [`SSWS ${TOKEN}x`, 'E0000011'],
      [`SSWS ${TOKEN}`, ADMIN_ID],
      [`Bearer ${TOKEN}`, 'E0000011'],
      [`Bearer ${TOKEN}`, 'E0000011'],
      [`ssws  ${TOKEN} `, ADMIN_ID],
      ['Basic dXNlcjpwYXNz', 'no token'],
      [undefined, 'no token'],
      [`SSWS ${TOKEN}`, ADMIN_ID],
    ];
    expect(sequence.map(([header]) => answer(header, store.users))).toEqual(sequence.map(([, expected]) => expected));
  });
});
