// The server under test for bench/cases.mjs, in a process of its own so that its memory (RSS) is the server's alone:
// the built app against the benchmark's database, as `npm start` builds it (createApp with its default case
// services). Prints {"port": n} on stdout once it listens; stops on SIGTERM.
//
// With BENCH_COUNT_READS=1 it also counts the database commands the app sends and the bytes of their replies, and
// answers `GET /__bench/reads` with the counts since the last such request: the work a request costs, which does not
// depend on how busy the machine is. Counting costs time (every reply is measured), so the timed server never counts.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import pino from 'pino';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (relative) => import(path.join(root, 'server', 'dist', relative));

const { createApp } = await dist('app.js');
const { loadConfig } = await dist('config/env.js');
const { localesDir } = await dist('config/paths.js');
const { connectDatabase } = await dist('core/db/connection.js');
const { createServerI18n } = await dist('core/i18n/i18n.js');

const [uri, name] = process.argv.slice(2);
const counting = process.env.BENCH_COUNT_READS === '1';
const db = await connectDatabase(counting ? `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true` : uri, name);
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: path.join(root, '.cache', 'bench-case-server') });
const app = createApp(config, { db, logger: pino({ level: 'silent' }), i18n: createServerI18n(localesDir) });

let reads = { commands: 0, bytes: 0 };
if (counting) {
  db.getClient().on('commandSucceeded', (event) => {
    reads.commands += 1;
    reads.bytes += mongoose.mongo.BSON.calculateObjectSize(event.reply);
  });
}
const handler = (req, res) => {
  if (counting && req.url === '/__bench/reads') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reads));
    reads = { commands: 0, bytes: 0 };
    return;
  }
  app(req, res);
};
const server = http.createServer(handler).listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.on('SIGTERM', () => {
  server.close();
  void db.close().finally(() => process.exit(0));
});
