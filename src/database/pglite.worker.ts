/**
 * The embedded database's thread (see startEmbeddedPostgres): PGlite and the wire server that serves
 * it on loopback. Answers 'dump' (the data directory as a gzipped tarball) and 'stop'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './pglite-host';
import { PgliteWireServer } from './pglite-wire-server';

interface Start {
  pgDir?: string;
  load?: Uint8Array;
  port: number;
  maxConnections: number;
}

async function main(): Promise<void> {
  const start = workerData as Start;
  const db = await openPglite({ pgDir: start.pgDir, loadDataDir: start.load ? new Blob([start.load]) : undefined });
  const server = new PgliteWireServer(db, start.maxConnections);
  let port: number;
  try {
    port = await server.listen(start.port);
  } catch (e) {
    await db.close();
    throw e;
  }
  parentPort!.on('message', (m: { type: 'dump' | 'stop'; id: number }) => {
    if (m.type === 'dump') {
      db.dumpDataDir('gzip')
        .then((blob) => blob.arrayBuffer())
        .then(
          (buffer) => parentPort!.postMessage({ type: 'dumped', id: m.id, bytes: new Uint8Array(buffer) }, [buffer]),
          (e: unknown) => parentPort!.postMessage({ type: 'failed', id: m.id, error: String(e) }),
        );
    } else {
      // let a batch in flight finish, then close the database cleanly (a checkpoint, files closed)
      server
        .close()
        .then(() => db.close())
        .then(
          () => parentPort!.postMessage({ type: 'stopped', id: m.id }),
          (e: unknown) => parentPort!.postMessage({ type: 'failed', id: m.id, error: String(e) }),
        );
    }
  });
  parentPort!.postMessage({ type: 'ready', port });
}

main().catch((e: unknown) => parentPort!.postMessage({ type: 'failed', error: e instanceof Error ? e.stack ?? e.message : String(e) }));
