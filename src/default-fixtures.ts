import trustedOrigins from '../fixtures/trusted-origins.json' with { type: 'json' };
import users from '../fixtures/users.json' with { type: 'json' };
import type { FixturesInput } from './store/schemas.js';

/**
 * The reference's examples, as a module import rather than a file read, so the
 * browser entry point (MSW) gets them too. The build copies the JSON beside the code.
 */
export const DEFAULT_FIXTURES: FixturesInput = { trustedOrigins, users } as FixturesInput;
