import { PGlite } from '@electric-sql/pglite';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PgliteWireServer } from './pglite-wire-server';

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
 * PGlite's defaults trade durability for speed: it starts PostgreSQL with `-F` (fsync off), and its
 * Node filesystem (Emscripten NODEFS) answers fsync()/fdatasync() with success without syncing
 * anything (electric-sql/pglite#1107). Commits are still written to the OS page cache before they
 * are acknowledged (synchronous_commit stays on), so a crash of our process loses nothing; an OS
 * crash or power loss could lose recent commits or corrupt the data directory. For a persistent data
 * directory we therefore start PostgreSQL with fsync on and `wal_sync_method=fsync` (fdatasync
 * stays a no-op in NODEFS; fsync reaches the filesystem's stream_ops) and give NODEFS a real fsync.
 */
const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c', 'fsync=on',
  '-c', 'synchronous_commit=on',
  '-c', 'full_page_writes=on',
  '-c', 'wal_sync_method=fsync',
];

interface NodeFsStream {
  nfd?: number;
  node: unknown;
}
interface EmscriptenNodeFs {
  stream_ops: { fsync?: (stream: NodeFsStream) => number };
  realPath(node: unknown): string;
}

/**
 * Give NODEFS an fsync that reaches the disk (directories included: PostgreSQL syncs pg_wal after
 * creating a segment), then CHECKPOINT so that whatever was written before the patch, such as crash
 * recovery at start, is on disk too. From here a commit is acknowledged only after its WAL is fsynced.
 */
async function makeDurable(db: PGlite): Promise<void> {
  const fs = (db.Module as unknown as { FS: { filesystems: { NODEFS?: EmscriptenNodeFs } } }).FS.filesystems.NODEFS;
  if (!fs) throw new Error('PGlite has no NODEFS filesystem; cannot make the embedded database durable');
  fs.stream_ops.fsync = (stream) => {
    if (typeof stream.nfd === 'number') {
      fsyncSync(stream.nfd);
    } else {
      const fd = openSync(fs.realPath(stream.node), 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return 0;
  };
  await db.exec('CHECKPOINT');
}

/** Start PGlite (persisted in `dataDir/pgdata` when given, durably: see DURABLE_START_PARAMS) and serve it on 127.0.0.1. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  let release: () => void = () => undefined;
  let pgDir: string | undefined;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    release = acquireLock(opts.dataDir);
    pgDir = join(opts.dataDir, 'pgdata');
  }
  let db: PGlite;
  try {
    db = await PGlite.create({
      dataDir: pgDir,
      loadDataDir: pgDir && existsSync(join(pgDir, 'PG_VERSION')) ? undefined : opts.loadDataDir,
      ...(pgDir ? { startParams: DURABLE_START_PARAMS } : {}),
    });
    if (pgDir) await makeDurable(db);
  } catch (e) {
    release();
    throw e;
  }
  const server = new PgliteWireServer(db, opts.maxConnections ?? 100);
  let port: number;
  try {
    port = await server.listen(opts.port ?? 0);
  } catch (e) {
    await db.close();
    release();
    throw e;
  }
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    async dumpDataDir() {
      return db.dumpDataDir('gzip');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await db.close();
      release();
    },
  };
}
