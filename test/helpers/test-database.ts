import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../server/src/core/db/connection';

export function testDatabaseUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run this test through its Jest project (global setup)');
  return uri;
}

/** A fresh database for one test file, dropped again by dropTestDatabase. */
export async function createTestDatabase(label: string): Promise<Connection> {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  return connectDatabase(testDatabaseUri(), name);
}

export async function dropTestDatabase(db: Connection): Promise<void> {
  await db.dropDatabase();
  await db.close();
}
