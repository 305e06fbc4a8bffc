import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

// Migrations are plain numbered SQL files (readable, reviewable, runnable by hand with psql); Kysely's
// Migrator runs the pending ones in order, all in one transaction (an upgrade applies wholly or not at all),
// records them in kysely_migration and holds a lock so replicas starting together apply each file once.
// Index builds therefore lock their table's writes until the upgrade commits: on a large deployment, build
// a new index beforehand with CREATE INDEX CONCURRENTLY under the same name (the files use IF NOT EXISTS).

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => f.endsWith('.sql')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      if (!FILE_NAME.test(file)) {
        throw new Error(`migration file name ${file} must look like 0001_some_name.sql`);
      }
      const text = await readFile(`${this.dir}/${file}`, 'utf8');
      // No parameters, so pg sends it with the simple protocol, which accepts many statements at once.
      migrations[file.replace(/\.sql$/, '')] = { up: async (db) => void (await sql.raw(text).execute(db)) };
    }
    return migrations;
  }
}

export interface MigrationOutcome {
  applied: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema, including none yet.
export async function migrateToLatest(db: Kysely<any>, dir = MIGRATIONS_DIR): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(dir) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${reason}` : `migrations failed: ${reason}`, {
      cause: error,
    });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
