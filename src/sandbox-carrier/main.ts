import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import pretty from 'pino-pretty';
import { loadSandboxConfig, type SandboxCarrierOptions, SandboxConfigError } from './config.js';
import { type SandboxCarrier, startSandboxCarrier } from './index.js';

// `npm run sandbox-carrier`: the fake carrier as a process of its own. Configuration problems are printed
// one per line and stop it; SIGINT/SIGTERM close the server and the pusher, a second signal exits at once.

let config: SandboxCarrierOptions;
try {
  config = loadSandboxConfig();
} catch (err) {
  if (!(err instanceof SandboxConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const logger = pino(
  {
    level: config.logLevel,
    base: { service: 'sandbox-carrier' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'secret'], censor: '[redacted]' },
  },
  process.stdout.isTTY
    ? pretty({ colorize: true, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss.l' })
    : undefined,
);

let carrier: SandboxCarrier;
try {
  carrier = await startSandboxCarrier({ ...config, logger });
} catch (err) {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    console.error(
      `sandbox carrier cannot start: ${code === 'EADDRINUSE' ? 'port' : 'no permission to listen on port'} ${config.port} on ${config.host}${code === 'EADDRINUSE' ? ' is already in use' : ''}. Set SANDBOX_CARRIER_PORT to a free port.`,
    );
    process.exit(1);
  }
  throw err;
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'sandbox carrier shutting down after an error');
  else logger.info({ signal }, 'sandbox carrier shutting down');
  await carrier.close();
});
