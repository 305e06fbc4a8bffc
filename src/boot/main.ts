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
  const logger = createLogger(config.logLevel);
  let stop: () => Promise<void>;
  try {
    stop = await start(config, logger);
  } catch (err) {
    if (err instanceof StartupError) {
      console.error(`wismo cannot start: ${err.message}`);
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
