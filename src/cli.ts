import { Command, Option } from 'commander';
import { pino } from 'pino';
import { SCOPES } from './api-keys/scopes.js';
import { prepare } from './boot/prepare.js';
import { StartupError } from './boot/startup-error.js';
import { registerConnectionCommands } from './carrier-connections/carrier-connections.cli.js';
import { ConfigError, loadConfig } from './config.js';
import type { Deps } from './deps.js';
import { AppError, UsageError } from './errors.js';
import { createLogger } from './logger.js';
import { registerTrackingCommands } from './tracking/tracking.cli.js';

// `npm run wismo -- <command>`: merchants, API keys, carrier payload tools. For people by default, JSON with --json.

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function withDeps(fn: (deps: Deps) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const deps = await prepare(config, createLogger('warn', pino.destination(2)), { redis: false });
  try {
    await fn(deps);
  } finally {
    await deps.close();
  }
}

function splitScopes(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function buildCli(): Command {
  const program = new Command('wismo')
    .description('Administer a wismo installation: merchants, API keys, carrier payloads.')
    .addOption(new Option('--json', 'print machine-readable JSON'))
    .showHelpAfterError();
  const json = () => program.opts<{ json?: boolean }>().json === true;

  program
    .command('migrate')
    .description('create the database if missing and apply pending migrations')
    .action(() =>
      withDeps(async () => (json() ? out(JSON.stringify({ ok: true })) : out('Database is up to date.'))),
    );

  const merchants = program.command('merchants').description('create and list merchants');
  merchants
    .command('create')
    .description('create a merchant')
    .argument('<name>', 'display name, e.g. "Acme Outdoor"')
    .option('--slug <slug>', 'short unique id (default: from the name)')
    .option('--locale <locale>', 'default language for messages', 'en')
    .action((name: string, o: { slug?: string; locale: string }) =>
      withDeps(async (deps) => {
        const m = await deps.services.merchants.create({ name, slug: o.slug, defaultLocale: o.locale });
        out(json() ? JSON.stringify(m) : `Created merchant ${m.slug} (${m.name}), id ${m.id}`);
      }),
    );
  merchants
    .command('list')
    .description('list merchants')
    .action(() =>
      withDeps(async (deps) => {
        const all = await deps.services.merchants.list();
        if (json()) return out(JSON.stringify(all));
        if (all.length === 0) return out('No merchants yet: npm run wismo -- merchants create "My Store"');
        for (const m of all) out(`${m.slug.padEnd(24)} ${m.name}  (id ${m.id})`);
      }),
    );

  const keys = program.command('keys').description('create, list and revoke API keys');
  keys
    .command('create')
    .description('create an API key; the key is printed once and stored only as a hash')
    .requiredOption('--merchant <slug>', 'the merchant the key belongs to')
    .requiredOption(
      '--scope <scope...>',
      `one or more of ${SCOPES.join(', ')} (repeat or separate with commas)`,
    )
    .option('--name <name>', 'a label, e.g. "storefront backend"', '')
    .option('-q, --quiet', 'print only the key (for KEY=$(...) in scripts)')
    .action((o: { merchant: string; scope: string[]; name: string; quiet?: boolean }) =>
      withDeps(async (deps) => {
        const merchant = await deps.services.merchants.get(o.merchant);
        const k = await deps.services.apiKeys.create(merchant.id, splitScopes(o.scope), o.name);
        if (json()) return out(JSON.stringify({ ...k, merchant: merchant.slug }));
        if (o.quiet) return out(k.key);
        out(
          `Created API key ${k.prefix} for merchant ${merchant.slug} with scopes ${k.scopes.join(', ')}:\n`,
        );
        out(`  ${k.key}\n`);
        out('Store it now: it is shown only this once.');
      }),
    );
  keys
    .command('list')
    .description("list a merchant's keys (prefixes only)")
    .requiredOption('--merchant <slug>', 'the merchant')
    .action((o: { merchant: string }) =>
      withDeps(async (deps) => {
        const merchant = await deps.services.merchants.get(o.merchant);
        const all = await deps.services.apiKeys.list(merchant.id);
        if (json()) return out(JSON.stringify(all));
        if (all.length === 0) return out(`No keys for ${merchant.slug} yet.`);
        for (const k of all) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`;
          out(`${k.prefix}  ${k.scopes.join(',').padEnd(28)} ${k.name || '-'}  (${state})`);
        }
      }),
    );
  keys
    .command('revoke')
    .description('revoke a key by its prefix (or the whole key)')
    .argument('<prefix>', 'e.g. wismo_k3j9x2m4q8pz')
    .action((prefix: string) =>
      withDeps(async (deps) => {
        const k = await deps.services.apiKeys.revoke(prefix);
        out(json() ? JSON.stringify(k) : `Revoked ${k.prefix}.`);
      }),
    );

  registerConnectionCommands(program, { out, json, withDeps });
  registerTrackingCommands(program, { out, json, withDeps });
  return program;
}

try {
  await buildCli().parseAsync(process.argv);
} catch (err) {
  const known =
    err instanceof AppError ||
    err instanceof ConfigError ||
    err instanceof StartupError ||
    err instanceof UsageError;
  // Expected failures are one line; anything else keeps its stack for a bug report.
  const message =
    known || !(err instanceof Error) ? String((err as Error)?.message ?? err) : (err.stack ?? err.message);
  console.error(`error: ${message}`);
  process.exitCode = 1;
}
