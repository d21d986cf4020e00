/**
 * `GET /.well-known/okta-organization`: the public facts about the org that
 * Okta's SDKs and widgets read before signing anyone in.
 */

/** `00o` + 17 base62, with the `…0g3` suffix of the reference's example ids. */
export const ORG_ID = '00o1okt4m0ckOrgXX0g3';

/**
 * `v1` is Okta's Classic Engine pipeline (`idx` is Identity Engine): the flows
 * the emulator serves (`/api/v1/authn` and the session-cookie redirect) are Classic ones.
 */
export const ORG_PIPELINE = 'v1';

export interface OrgMetadata {
  id: string;
  pipeline: 'v1' | 'idx';
  settings: { analyticsCollectionEnabled: boolean; bugReportingEnabled: boolean; omEnabled: boolean };
  _links: { organization: { href: string } };
}

/** The metadata document; `organization` is the org URL the request came in on (no custom domain, so no `alternate`). */
export function orgMetadata(orgUrl: string): OrgMetadata {
  return {
    id: ORG_ID,
    pipeline: ORG_PIPELINE,
    settings: { analyticsCollectionEnabled: false, bugReportingEnabled: true, omEnabled: false },
    _links: { organization: { href: orgUrl } },
  };
}
