import mongoose, { type Connection } from 'mongoose';

export const DEFAULT_DATABASE = 'assist';

/**
 * A dedicated mongoose connection (no global singleton, so tests and benchmarks can hold several).
 * Short selection and heartbeat times make an unreachable database a quick 503 instead of a hanging request,
 * and commands are not buffered while disconnected for the same reason.
 */
export async function connectDatabase(uri: string, dbName?: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: dbName ?? (hasDatabaseInPath(uri) ? undefined : DEFAULT_DATABASE),
    serverSelectionTimeoutMS: 4_000,
    heartbeatFrequencyMS: 2_000,
    connectTimeoutMS: 4_000,
    bufferCommands: false,
    autoIndex: true,
  });
  await connection.asPromise();
  return connection;
}

function hasDatabaseInPath(uri: string): boolean {
  const afterHosts = uri.replace(/^mongodb(\+srv)?:\/\/[^/]*/, '');
  const name = afterHosts.replace(/^\//, '').split('?')[0];
  return Boolean(name);
}

/** True when the database answers a ping within the time limit. */
export async function pingDatabase(connection: Connection, timeoutMs = 2_000): Promise<boolean> {
  if (connection.readyState !== mongoose.ConnectionStates.connected || !connection.db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      connection.db.admin().ping().then(() => true, () => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
