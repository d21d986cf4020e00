/**
 * The ISO text of the second last formatted: every request formats its time
 * (the journal, Okta timestamps), and within one second only the milliseconds
 * differ, so `toISOString()` (about a microsecond) runs once per second.
 */
let isoSecond = Number.NaN;
let isoUpToMillis = '';

/** The same text as `at.toISOString()`. */
export function toIsoString(at: Date): string {
  const time = at.getTime();
  const second = Math.floor(time / 1000);
  if (second !== isoSecond) {
    // An invalid date throws here, as toISOString() does; an ISO string always ends in `mmmZ`.
    isoUpToMillis = at.toISOString().slice(0, -4);
    isoSecond = second;
  }
  const millis = time - second * 1000;
  return `${isoUpToMillis}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** Okta stores whole seconds and always prints `.000Z`. */
export function toOktaTimestamp(at: Date): string {
  // Cutting the milliseconds is flooring to the second.
  return `${toIsoString(at).slice(0, -4)}000Z`;
}

/** Epoch seconds, as X-Rate-Limit-Reset carries them. */
export function toEpochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
