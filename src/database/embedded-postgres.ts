import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A running embedded PostgreSQL: PGlite behind a loopback socket (PgliteWireServer), reached through `pg` like any server. */
export interface EmbeddedPostgres {
  readonly url: string;
  readonly port: number;
  /** the data directory as a tarball (tests use it as a migrated template) */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no locking of its own: two processes on one data directory corrupt it. A lock file
 * with our pid, created exclusively, refuses the second instance; a stale lock (dead pid) is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'doorbraakbudget.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new DataDirLockedError(
          `DATA_DIR ${dataDir} is in use by another Doorbraakbudget process (pid ${pid}); ` +
            'stop that one first or start this one with another DATA_DIR.',
        );
      }
      unlinkSync(lockFile);
    }
  }
  throw new DataDirLockedError(`could not lock DATA_DIR ${dataDir}`);
}

export interface EmbeddedOptions {
  /** persistent directory; omitted → in-memory (tests) */
  dataDir?: string;
  /** loopback port; 0 picks a free one */
  port?: number;
  /** a pre-migrated database to start from (tests) */
  loadDataDir?: Blob;
  maxConnections?: number;
}

/**
 * Start PGlite (persisted in `dataDir/pgdata` when given, durably: see pglite-host.ts) and serve it
 * on 127.0.0.1. PGlite is one PostgreSQL backend compiled to WebAssembly: every query runs on the
 * thread that owns it. It therefore lives in a worker thread of its own (pglite.worker.ts), with
 * the wire server, so that queries and the application's JavaScript use two cores instead of taking
 * turns on one. The application reaches it over loopback TCP, as before.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  let release: () => void = () => undefined;
  let pgDir: string | undefined;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = acquireLock(opts.dataDir);
    pgDir = join(opts.dataDir, 'pgdata');
  }
  const fromSource = __filename.endsWith('.ts');
  const load = opts.loadDataDir ? new Uint8Array(await opts.loadDataDir.arrayBuffer()) : undefined;
  const worker = new Worker(join(__dirname, `pglite.worker.${fromSource ? 'ts' : 'js'}`), {
    // from source (ts-node, jest) the worker needs ts-node too; compiled it is plain JavaScript
    execArgv: fromSource ? ['-r', 'ts-node/register/transpile-only'] : [],
    workerData: { pgDir, load, port: opts.port ?? 0, maxConnections: opts.maxConnections ?? 100 },
    transferList: load ? [load.buffer] : [],
  });
  const replies = new Map<number, (m: WorkerReply) => void>();
  let nextId = 1;
  let stopped = false;
  const ask = (message: { type: 'dump' | 'stop' }) =>
    new Promise<WorkerReply>((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      worker.postMessage({ ...message, id });
    });
  let port: number;
  let starting: ((m: WorkerReply) => void) | null = null;
  worker.on('message', (m: WorkerReply) => {
    if (starting) return starting(m);
    const reply = m.id === undefined ? undefined : replies.get(m.id);
    if (m.id !== undefined) replies.delete(m.id);
    reply?.(m);
  });
  const startError = (e: Error) => starting?.({ type: 'failed', port: 0, error: e.stack ?? e.message });
  const startExit = (code: number) => starting?.({ type: 'failed', port: 0, error: `the embedded database exited while starting (code ${code})` });
  worker.on('error', startError);
  worker.on('exit', startExit);
  try {
    port = await new Promise<number>((resolve, reject) => {
      starting = (m) => (m.type === 'ready' ? resolve(m.port) : reject(new Error(m.error ?? 'the embedded database did not start')));
    });
  } catch (e) {
    await worker.terminate();
    release();
    throw e;
  } finally {
    starting = null;
    worker.off('error', startError);
    worker.off('exit', startExit);
  }
  // The database is part of this process: without it nothing can be answered or written.
  const died = (why: string) => {
    if (stopped) return;
    process.stderr.write(`embedded PostgreSQL (PGlite) stopped unexpectedly: ${why}\n`);
    release();
    process.exit(1);
  };
  worker.on('error', (e) => died(e.stack ?? e.message));
  worker.on('exit', (code) => died(`worker exited with code ${code}`));
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    async dumpDataDir() {
      const m = await ask({ type: 'dump' });
      if (!m.bytes) throw new Error(m.error ?? 'dump failed');
      return new Blob([m.bytes]);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await ask({ type: 'stop' });
      await worker.terminate();
      release();
    },
  };
}

interface WorkerReply {
  type: 'ready' | 'dumped' | 'stopped' | 'failed';
  id?: number;
  port: number;
  bytes?: Uint8Array;
  error?: string;
}
