import { PGlite } from '@electric-sql/pglite';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';

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
  // PostgreSQL's default 128MB of shared buffers live in PGlite's WebAssembly heap and count fully
  // towards the service's RSS; 32MB keeps the hot pages of a municipality's data, the OS caches the rest
  '-c', 'shared_buffers=32MB',
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

export interface PgliteOpenOptions {
  /** persistent PGDATA directory; omitted → in-memory */
  pgDir?: string;
  /** a data directory tarball to start from when pgDir is empty or absent */
  loadDataDir?: Blob;
}

/** Create PGlite: persistent ones durably (DURABLE_START_PARAMS and a real fsync), in-memory ones as PGlite starts them. */
export async function openPglite(opts: PgliteOpenOptions): Promise<PGlite> {
  const { pgDir } = opts;
  const db = await PGlite.create({
    dataDir: pgDir,
    loadDataDir: pgDir && existsSync(join(pgDir, 'PG_VERSION')) ? undefined : opts.loadDataDir,
    ...(pgDir ? { startParams: DURABLE_START_PARAMS } : {}),
  });
  if (pgDir) await makeDurable(db);
  return db;
}
