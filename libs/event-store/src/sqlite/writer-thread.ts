/*
 * The event store's writer thread: runs every write transaction of one SQLite file on its own
 * connection, so building pages, fsync and WAL checkpoints never block the main event loop (a
 * bulk import keeps deciding and encrypting the next subjects meanwhile). Started by WriterThread.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS } from '#sqlite';
import { WriteBatchWriter } from './append-batch';
import { configure } from './open-database';
import { prepareStatements } from './statements';
import { toWireError, toWireOutcome, type FromWriter, type ToWriter } from './writer-wire';

const port = parentPort!;
// The main thread created and checked the file; a missing one is an error here, never a new file.
const db = new Database((workerData as { file: string }).file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
configure(db);
const writer = new WriteBatchWriter(prepareStatements(db), () => db.inTransaction);

port.on('message', (message: ToWriter) => {
  if (message.type === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: FromWriter;
  try {
    reply = { type: 'done', id: message.id, outcomes: writer.run(message.requests).map(toWireOutcome) };
  } catch (error) {
    reply = { type: 'failed', id: message.id, error: toWireError(error) };
  }
  port.postMessage(reply);
});
