// The meta module's test-support face: what only tests use. Tests read the installation record without creating it
// (ensureInstallation on index.ts creates it when missing). Lint lets only tests import this file.
export { readInstallation } from './installation.service';
