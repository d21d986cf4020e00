/** The contract suite against the emulator in-process: every request resolved by MSW's getResponse over createOktaHandlers. */
import { EMULATOR_MSW } from './support/known-differences.js';
import { defineContractSuite } from './support/suite.js';
import { mswTransport } from './support/transports.js';

defineContractSuite({ name: 'emulator-msw', kind: 'emulator', transport: () => mswTransport(), knownDifferences: EMULATOR_MSW });
