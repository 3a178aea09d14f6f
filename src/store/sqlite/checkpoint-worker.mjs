// Checkpoints a SQLite database in WAL mode off the writer's thread. PASSIVE checkpoints never wait for
// the writer or readers, so commits on the main thread no longer pay for copying the WAL into the
// database file (that copy made the slowest commits 10–20 ms at 1M ads). Plain JS: runs without tsx.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next tick tries again.
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
