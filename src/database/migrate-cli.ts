import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError, loadConfig } from '../config/env';
import { createDataSource } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/**
 * `npm run migration:run | migration:revert | migration:generate -- migrations/Name`, against
 * DATABASE_URL or, when that is absent, the embedded database in DATA_DIR.
 */
async function main(): Promise<void> {
  const [command, target] = process.argv.slice(2);
  const config = loadConfig();
  let embedded: EmbeddedPostgres | null = null;
  const url = config.databaseUrl ?? (embedded = await startEmbeddedPostgres({ dataDir: config.dataDir })).url;
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    if (command === 'run') {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'no pending migrations');
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'generate') {
      if (!target) throw new Error('usage: npm run migration:generate -- migrations/Name');
      const sql = await ds.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        console.log('no changes: entities and migrations agree');
        return;
      }
      const name = basename(target);
      const ts = Date.now();
      const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
      const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
      const down = sql.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
      const file = `${target.replace(/[^/]+$/, '')}${ts}-${name}.ts`;
      writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      console.log(`wrote ${file}`);
    } else {
      throw new Error('usage: migrate-cli run | revert | generate migrations/Name');
    }
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? `configuration error: ${e.message}` : e);
    process.exit(1);
  },
);
