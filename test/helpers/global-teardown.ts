import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__FERRETDB__?.stop();
  if (globalThis.__FERRETDB_DIR__) fs.rmSync(globalThis.__FERRETDB_DIR__, { recursive: true, force: true });
}
