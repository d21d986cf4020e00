/** Okta stores whole seconds and always prints `.000Z`. */
export function toOktaTimestamp(at: Date): string {
  // An ISO string always ends in `.mmmZ`; cutting the milliseconds is flooring to the second.
  return `${at.toISOString().slice(0, -5)}.000Z`;
}

/** Epoch seconds, as X-Rate-Limit-Reset carries them. */
export function toEpochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
