// The server under test for bench/cases.mjs, in a process of its own so that its memory (RSS) is the server's alone:
// the built app against the benchmark's database, as `npm start` builds it (createApp with its default case
// services). Prints {"port": n} on stdout once it listens; stops on SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (relative) => import(path.join(root, 'server', 'dist', relative));

const { createApp } = await dist('app.js');
const { loadConfig } = await dist('config/env.js');
const { localesDir } = await dist('config/paths.js');
const { connectDatabase } = await dist('core/db/connection.js');
const { createServerI18n } = await dist('core/i18n/i18n.js');

const [uri, name] = process.argv.slice(2);
const db = await connectDatabase(uri, name);
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: path.join(root, '.cache', 'bench-case-server') });
const app = createApp(config, { db, logger: pino({ level: 'silent' }), i18n: createServerI18n(localesDir) });
const server = app.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.on('SIGTERM', () => {
  server.close();
  void db.close().finally(() => process.exit(0));
});
