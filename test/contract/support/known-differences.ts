/**
 * Differences a target is known to have from the snapshots, each with its
 * reason (in the spirit of Hono's per-router skip lists). A difference is
 * excused only where every differing path of a case is covered by an entry for
 * that case; it still shows in the report as "known difference".
 */
export interface KnownDifference {
  /** Case id (snapshot file name). */
  case: string;
  /**
   * Paths inside the case's observations, e.g. `[2].headers.x-okta-request-id`; an entry covers the
   * paths it prefixes, and `[*]` stands for any step.
   */
  paths: string[];
  reason: string;
}

/** The emulator in-process: the snapshots were taken from the emulator, so none. */
export const EMULATOR_MSW: KnownDifference[] = [];

/** The emulator over a socket: Node's server adds only headers the suite does not record, so none. */
export const EMULATOR_SOCKET: KnownDifference[] = [];

/**
 * A real org, from what okta-facts.md records of it. These are expected, not
 * yet observed by this suite: a recording run confirms or removes them.
 */
export const REAL_ORG: KnownDifference[] = [
  {
    case: 'method-not-allowed',
    paths: ['[*].headers.x-okta-request-id', '[*].headers.x-rate-limit-'],
    reason:
      'okta-facts §4.2 [W]: real 405 answers were recorded without X-Okta-Request-Id and X-Rate-Limit-* headers; the emulator sends them on every answer',
  },
  {
    case: 'list-pagination-q',
    paths: ['[*].headers.link', '[1].request.path'],
    reason:
      'okta-facts §3 [R: NODE-IT]: Okta\'s own SDK tests note that the next link of a q search carries filter in place of q; the emulator keeps q',
  },
];
