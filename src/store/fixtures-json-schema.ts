import * as z from 'zod/mini';
import { fixturesDocumentSchema } from './schemas.js';

/**
 * The JSON Schema of a fixtures document, from the very schema the loader validates with, so an
 * editor's checks and the emulator's never disagree. The cross-field rules (origin syntax per
 * scope, one scope of each type, unique names) are the loader's alone.
 */
export function fixturesJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(fixturesDocumentSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'okta-mock fixtures',
    description:
      'Trusted origins and users to seed an okta-mock org with. A trusted origin needs only name, origin and scopes; a user only profile.login. Without users, the bundled admin and its API token are loaded.',
  };
}
