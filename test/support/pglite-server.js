/**
 * An embedded PostgreSQL (PGlite served by src/database/pglite-wire-server.ts) in a child
 * process, for tests. Jest's module sandbox cannot run PGlite (it loads its WebAssembly with
 * dynamic import()), so each test file starts one of these with plain Node and talks to it
 * through `pg`, like any server — the same wire server the app uses in embedded mode.
 *
 *   node test/support/pglite-server.js [--load template.tgz]
 * prints `{"port":N}` once listening; on stdin, `dump <file>\n` writes the data directory as a
 * tarball and answers `dumped`. Exits when stdin closes (so it never outlives its test file).
 */
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { PGlite } = require('@electric-sql/pglite');
const { PgliteWireServer } = require('../../src/database/pglite-wire-server.ts');
const { readFileSync, writeFileSync } = require('node:fs');

async function main() {
  const i = process.argv.indexOf('--load');
  const loadDataDir = i > 0 ? new Blob([readFileSync(process.argv[i + 1])]) : undefined;
  const db = await PGlite.create({ loadDataDir });
  const server = new PgliteWireServer(db);
  const port = await server.listen(0);
  process.stdout.write(JSON.stringify({ port }) + '\n');
  let buffer = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', async (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('dump ')) {
        const blob = await db.dumpDataDir('gzip');
        writeFileSync(line.slice(5), Buffer.from(await blob.arrayBuffer()));
        process.stdout.write('dumped\n');
      }
    }
  });
  const stop = async () => {
    await server.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
