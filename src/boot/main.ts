import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { StartupError } from './startup-error.js';

/**
 * Runs a process entry: parses the configuration, starts, and shuts down gracefully on SIGINT/SIGTERM
 * (stop accepting, finish what is in flight, close pools); a second signal exits at once.
 * Configuration and start-up problems are printed as plain sentences, without a stack trace.
 */
export async function runMain(
  start: (config: Config, logger: Logger) => Promise<() => Promise<void>>,
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  if (config.usingDevEncryptionKey && config.env !== 'test') {
    logger.warn(
      'ENCRYPTION_KEY is not set: using the development key. Set it (openssl rand -base64 32) before storing real carrier credentials.',
    );
  }
  let stop: () => Promise<void>;
  try {
    stop = await start(config, logger);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (err instanceof StartupError) {
      console.error(`wismo cannot start: ${err.message}`);
    } else if (code === 'EADDRINUSE' || code === 'EACCES') {
      console.error(
        `wismo cannot start: ${code === 'EADDRINUSE' ? 'port' : 'no permission to listen on port'} ${config.port} on ${config.host}${code === 'EADDRINUSE' ? ' is already in use' : ''}. Stop the other process or set PORT to a free port.`,
      );
    } else {
      logger.fatal({ err }, 'start-up failed');
    }
    process.exit(1);
  }
  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down');
    await stop();
  });
}
