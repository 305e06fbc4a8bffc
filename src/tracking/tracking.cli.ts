import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { carrierCodes, getAdapter } from '../carriers/registry.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { describePayload } from './describe.js';

// `wismo map` and `wismo renormalize`: the tools of whoever debugs a carrier mapping.

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

function instantOption(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new InvalidArgumentError('not a date-time, e.g. 2026-11-01 or 2026-11-01T12:00:00Z');
  return d;
}

export function registerTrackingCommands(program: Command, cli: CliContext): void {
  program
    .command('map')
    .description('print the canonical result of one carrier payload as JSON (no database needed)')
    .requiredOption('--carrier <code>', 'carrier code', carrierOption)
    .option('--requested <number>', 'the tracking number that was asked for, when it matters')
    .argument('<file>', 'a payload as the carrier sent it (JSON or XML); - reads standard input')
    .action((file: string, o: { carrier: string; requested?: string }) => {
      let body: string;
      try {
        body = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (err) {
        throw new UsageError(
          `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        );
      }
      const adapter = getAdapter(o.carrier);
      if (!adapter) throw new Error(`unknown carrier ${o.carrier}`);
      cli.out(JSON.stringify(describePayload(adapter, body, o.requested ? [o.requested] : []), null, 2));
    });

  program
    .command('renormalize')
    .description('re-run the mappers over stored raw payloads and rebuild events and statuses (idempotent)')
    .option('--carrier <code>', 'only shipments of this carrier', carrierOption)
    .option('--since <time>', 'only shipments with payloads received since then', instantOption)
    .action((o: { carrier?: string; since?: Date }) =>
      cli.withDeps(async (deps) => {
        const r = await deps.services.normalize.renormalize(o);
        if (cli.json()) return cli.out(JSON.stringify(r));
        cli.out(
          `Renormalized ${r.shipments} shipment(s) from ${r.payloads} payload(s): ${r.eventsUpserted} event(s) written, ${r.eventsRemoved} removed, ${r.statusChanges.length} status change(s).`,
        );
        for (const c of r.statusChanges) cli.out(`  ${c.trackingNumber}  ${c.from} -> ${c.to}`);
      }),
    );
}
