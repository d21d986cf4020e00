/**
 * The ISO text of the second last formatted: every request formats its time
 * (the journal, Okta timestamps), and within one second only the milliseconds
 * differ, so `toISOString()` (about a microsecond) runs once per second.
 */
let isoSecond = Number.NaN;
let isoUpToMillis = '';

let isoMillisecond = Number.NaN;
let isoText = '';

/**
 * The same text as `at.toISOString()`, flat and shared by every call in the
 * same millisecond: the journal keeps a thousand of them, and a text joined
 * per call was a rope of four pieces that each scavenge copied.
 */
export function toIsoString(at: Date): string {
  const time = at.getTime();
  if (time === isoMillisecond) return isoText;
  const second = Math.floor(time / 1000);
  if (second !== isoSecond) {
    // An invalid date throws here, as toISOString() does; an ISO string always ends in `mmmZ`.
    isoUpToMillis = at.toISOString().slice(0, -4);
    isoSecond = second;
  }
  const millis = time - second * 1000;
  const text = `${isoUpToMillis}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
  text.charCodeAt(0);
  isoText = text;
  isoMillisecond = time;
  return text;
}

let oktaSecond = Number.NaN;
let oktaText = '';

/**
 * Okta stores whole seconds and always prints `.000Z`. One text per second,
 * flat: every record written in that second shares it, where each record
 * kept a text of its own (a rope over a slice of another text).
 */
export function toOktaTimestamp(at: Date): string {
  const second = Math.floor(at.getTime() / 1000);
  if (second !== oktaSecond) {
    // Cutting the milliseconds is flooring to the second.
    const text = `${toIsoString(at).slice(0, -4)}000Z`;
    text.charCodeAt(0);
    oktaText = text;
    oktaSecond = second;
  }
  return oktaText;
}

/** Epoch seconds, as X-Rate-Limit-Reset carries them. */
export function toEpochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
