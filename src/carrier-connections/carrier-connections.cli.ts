import { type Command, InvalidArgumentError } from 'commander';
import { carrierCodes, getAdapter } from '../carriers/registry.js';
import type { Deps } from '../deps.js';
import type { ConnectionView } from './carrier-connections.service.js';

// `wismo connections create|list|add-secret|remove-secret`: carrier accounts and their webhook URLs.

interface CliContext {
  out(text: string): void;
  json(): boolean;
  withDeps(fn: (deps: Deps) => Promise<void>): Promise<void>;
}

function carrierOption(value: string): string {
  if (!getAdapter(value))
    throw new InvalidArgumentError(`unknown carrier; one of: ${carrierCodes().join(', ')}`);
  return value;
}

function describe(v: ConnectionView): string[] {
  const lines = [`${v.id}  ${v.carrier}${v.name ? `  "${v.name}"` : ''}${v.enabled ? '' : '  (disabled)'}`];
  if (!v.webhook) {
    lines.push('  no webhooks: this carrier is polled');
    return lines;
  }
  lines.push(`  webhook URL: ${v.newSecret?.webhookUrl ?? v.webhook.url}`);
  lines.push(`  authenticated by: ${v.webhook.scheme}`);
  const secrets = v.webhook.secrets.map((s) => `${s.id} (${s.hint}, ${s.createdAt})`).join(', ');
  lines.push(
    `  secrets: ${secrets || `none yet: add the one ${v.webhook.secretIssuedBy === 'sender' ? 'the sender issued' : 'wismo generates'}`}`,
  );
  if (v.newSecret) {
    lines.push('', `  new secret ${v.newSecret.id}:`, '', `    ${v.newSecret.secret}`, '');
    lines.push('  Store it in the sender now: it is shown only this once.');
  }
  return lines;
}

export function registerConnectionCommands(program: Command, cli: CliContext): void {
  const connections = program
    .command('connections')
    .description("a merchant's carrier accounts and their webhook URLs");

  connections
    .command('create')
    .description('connect a carrier or aggregator; prints the webhook URL (and a generated secret once)')
    .requiredOption('--merchant <slug>', 'the merchant')
    .requiredOption('--carrier <code>', 'carrier code (wismo carriers: GET /v1/carriers)', carrierOption)
    .option('--name <name>', 'a label', '')
    .option(
      '--webhook-secret <secret>',
      'the secret the sender issued (AfterShip; 17TRACK or Shippo with --signature)',
    )
    .option('--url-token', 'authenticate deliveries by a secret token in the URL instead of a signature')
    .option(
      '--signature',
      'check the sender’s signature even where its scheme is not confirmed (docs/carriers.md)',
    )
    .action(
      (o: {
        merchant: string;
        carrier: string;
        name: string;
        webhookSecret?: string;
        urlToken?: boolean;
        signature?: boolean;
      }) =>
        cli.withDeps(async (deps) => {
          const merchant = await deps.services.merchants.get(o.merchant);
          const { view } = await deps.services.carrierConnections.create({
            merchantId: merchant.id,
            carrier: o.carrier,
            name: o.name,
            webhookSecret: o.webhookSecret,
            webhookAuth: o.urlToken ? 'url_token' : o.signature ? 'signature' : undefined,
          });
          cli.out(cli.json() ? JSON.stringify(view) : describe(view).join('\n'));
        }),
    );

  connections
    .command('list')
    .description("list a merchant's carrier connections (secrets are never printed)")
    .requiredOption('--merchant <slug>', 'the merchant')
    .action((o: { merchant: string }) =>
      cli.withDeps(async (deps) => {
        const merchant = await deps.services.merchants.get(o.merchant);
        const all = await deps.services.carrierConnections.list(merchant.id);
        if (cli.json()) return cli.out(JSON.stringify(all));
        if (all.length === 0) return cli.out(`No carrier connections for ${merchant.slug} yet.`);
        cli.out(all.flatMap(describe).join('\n'));
      }),
    );

  connections
    .command('add-secret')
    .description('add a second webhook secret (rotation): both are accepted until the old one is removed')
    .requiredOption('--merchant <slug>', 'the merchant')
    .argument('<connection-id>')
    .option('--secret <secret>', 'the new secret the sender issued; omit to generate one')
    .action((id: string, o: { merchant: string; secret?: string }) =>
      cli.withDeps(async (deps) => {
        const merchant = await deps.services.merchants.get(o.merchant);
        const view = await deps.services.carrierConnections.addWebhookSecret(merchant.id, id, o.secret);
        cli.out(cli.json() ? JSON.stringify(view) : describe(view).join('\n'));
      }),
    );

  connections
    .command('remove-secret')
    .description('remove a webhook secret once the sender signs with the newer one')
    .requiredOption('--merchant <slug>', 'the merchant')
    .argument('<connection-id>')
    .argument('<secret-id>')
    .action((id: string, secretId: string, o: { merchant: string }) =>
      cli.withDeps(async (deps) => {
        const merchant = await deps.services.merchants.get(o.merchant);
        const view = await deps.services.carrierConnections.removeWebhookSecret(merchant.id, id, secretId);
        cli.out(cli.json() ? JSON.stringify(view) : describe(view).join('\n'));
      }),
    );
}
