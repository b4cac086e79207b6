import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { EmbeddedFerretDb } from '../../server/src/core/db/embedded-ferretdb';
import { ensureFerretDbBinary } from '../../server/src/core/db/ferretdb-binary';

declare global {
  var __FERRETDB__: EmbeddedFerretDb | undefined;
  var __FERRETDB_DIR__: string | undefined;
}

/** One real FerretDB for the whole run; every test file creates and drops its own database in it. */
export default async function globalSetup(): Promise<void> {
  const binary = await ensureFerretDbBinary(process.env.FERRETDB_BIN, (line) => process.stderr.write(`${line}\n`));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assist-test-db-'));
  const ferret = new EmbeddedFerretDb({ binary, dataDir, logger: pino({ level: 'silent' }) });
  const uri = await ferret.start();
  process.env.TEST_MONGODB_URI = uri;
  process.env.FERRETDB_BIN = binary;
  globalThis.__FERRETDB__ = ferret;
  globalThis.__FERRETDB_DIR__ = dataDir;
}
