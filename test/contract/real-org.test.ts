/**
 * The contract suite against a real Okta org. Runs only with OKTA_ORG_URL,
 * OKTA_API_TOKEN and OKTA_CONTRACT_ALLOW_REAL_ORG=yes; otherwise it shows as
 * skipped, with the reason in the suite's name and in the report.
 */
import { REAL_ORG } from './support/known-differences.js';
import { defineContractSuite } from './support/suite.js';
import { realOrgSkipReason, realOrgTransport } from './support/transports.js';

defineContractSuite({
  name: 'real-org',
  kind: 'real-org',
  transport: () => realOrgTransport(),
  knownDifferences: REAL_ORG,
  skipReason: realOrgSkipReason(),
});
