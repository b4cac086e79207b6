import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { installationModel, type Installation } from './installation.model';

const SINGLETON_ID = 'installation';

/** Created once per database (an upsert, so two processes starting together agree on one id). */
export async function ensureInstallation(db: Connection): Promise<Installation> {
  const Installation = installationModel(db);
  const installation = await Installation.findOneAndUpdate(
    { _id: SINGLETON_ID },
    { $setOnInsert: { installationId: randomUUID(), createdAt: new Date() } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  return installation!;
}

export async function readInstallation(db: Connection): Promise<Installation | null> {
  return installationModel(db).findById(SINGLETON_ID).lean();
}
