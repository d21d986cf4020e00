/** The contract suite against the emulator over a socket: the real CLI (`bin/okta-mock.js --port 0`) spoken to with fetch. */
import { EMULATOR_SOCKET } from './support/known-differences.js';
import { defineContractSuite } from './support/suite.js';
import { socketTransport } from './support/transports.js';

defineContractSuite({ name: 'emulator-socket', kind: 'emulator', transport: socketTransport, knownDifferences: EMULATOR_SOCKET });
