/** Okta stores whole seconds and always prints `.000Z`. */
export function toOktaTimestamp(at: Date): string {
  return new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
}

/** Epoch seconds, as X-Rate-Limit-Reset carries them. */
export function toEpochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
