import type { PGlite } from '@electric-sql/pglite';
import { createServer, Server, Socket } from 'node:net';

/**
 * Serves one PGlite to many `pg` connections over loopback TCP.
 *
 * Why not PGLiteSocketServer's own multiplexer: it queues single protocol messages, so between
 * one client's Parse and Bind another client's Parse can run and replace the unnamed statement
 * ("bind message supplies 1 parameters, but prepared statement requires 2"). Here a connection's
 * messages are grouped up to the next Sync/Query/Flush and run as one unit, and while a
 * connection has a transaction open nobody else runs — exactly how one PostgreSQL backend would
 * see the connections one after another. A dropped connection's open transaction is rolled back.
 */
export class PgliteWireServer {
  private server: Server | null = null;
  private readonly conns = new Set<Connection>();
  private ready: Connection[] = [];
  private owner: Connection | null = null;
  private running = false;

  constructor(private readonly db: PGlite, private readonly maxConnections = 100) {}

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    this.server = createServer((socket) => this.accept(socket));
    this.server.maxConnections = this.maxConnections;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    // let a batch in flight finish before the caller closes the database
    while (this.running) await new Promise((r) => setTimeout(r, 5));
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const conn = new Connection(socket);
    this.conns.add(conn);
    socket.on('data', (data: Buffer) => {
      conn.receive(data);
      if (conn.batches.length && !this.ready.includes(conn)) this.ready.push(conn);
      void this.pump();
    });
    const gone = () => void this.drop(conn);
    socket.on('close', gone);
    socket.on('error', gone);
  }

  private async drop(conn: Connection): Promise<void> {
    if (!this.conns.delete(conn)) return;
    conn.batches = [];
    this.ready = this.ready.filter((c) => c !== conn);
    if (this.owner === conn) {
      // wait for a running batch of this connection, then undo its open transaction
      while (this.running) await new Promise((r) => setTimeout(r, 1));
      if (this.owner === conn) {
        this.owner = null;
        if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
      }
    }
    void this.pump();
  }

  private next(): Connection | null {
    if (this.owner) return this.owner.batches.length ? this.owner : null;
    while (this.ready.length) {
      const c = this.ready.shift()!;
      if (c.batches.length && this.conns.has(c)) return c;
    }
    return null;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let conn = this.next(); conn; conn = this.next()) {
        const batch = conn.batches.shift()!;
        try {
          for (const message of batch) {
            if (conn.socket.destroyed) break;
            if (conn.answerPreamble(message)) continue;
            await this.db.runExclusive(() =>
              this.db.execProtocolRawStream(message, {
                onRawData: (data: Uint8Array) => {
                  if (!conn.socket.destroyed) conn.socket.write(Buffer.from(data));
                },
              }),
            );
          }
        } catch {
          conn.socket.destroy();
        }
        this.owner = this.db.isInTransaction() && this.conns.has(conn) ? conn : null;
        if (this.owner === null && this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
        if (conn.batches.length && conn !== this.owner && !this.ready.includes(conn)) this.ready.push(conn);
      }
    } finally {
      this.running = false;
    }
  }
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const GSS_REQUEST = 80877104;
/** message types after which a client waits for an answer */
const BATCH_END = new Set(['S', 'Q', 'H', 'X']);

class Connection {
  buffer: Buffer = Buffer.alloc(0);
  batches: Buffer[][] = [];
  private pending: Buffer[] = [];
  private started = false;

  constructor(readonly socket: Socket) {}

  /** Cut complete protocol messages off the buffer and group them into batches. */
  receive(data: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const len = this.buffer.readInt32BE(0);
        if (this.buffer.length < len) return;
        const message = this.buffer.subarray(0, len);
        this.buffer = this.buffer.subarray(len);
        const code = message.readInt32BE(4);
        if (code !== SSL_REQUEST && code !== GSS_REQUEST && code !== CANCEL_REQUEST) this.started = true;
        this.batches.push([message]);
        continue;
      }
      if (this.buffer.length < 5) return;
      const len = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < len) return;
      const message = this.buffer.subarray(0, len);
      this.buffer = this.buffer.subarray(len);
      this.pending.push(message);
      if (BATCH_END.has(String.fromCharCode(message[0]))) {
        this.batches.push(this.pending);
        this.pending = [];
      }
    }
  }

  /** SSL/GSS requests are refused with 'N' (loopback only); cancel requests are ignored. */
  answerPreamble(message: Buffer): boolean {
    if (message.length < 8 || message[0] !== 0) return false;
    const code = message.readInt32BE(4);
    if (code === SSL_REQUEST || code === GSS_REQUEST) {
      this.socket.write('N');
      return true;
    }
    if (code === CANCEL_REQUEST) {
      this.socket.end();
      return true;
    }
    return false;
  }
}
