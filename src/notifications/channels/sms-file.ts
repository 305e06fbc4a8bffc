import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SmsSender } from './sms.js';

// Development without an SMS provider: each text is written as a file beside the email mailbox, so the
// `npm start` demo shows what shoppers would get on their phones.

export function createSmsFileSender(
  dir: string,
  logger: { info(obj: object, msg: string): void },
): SmsSender {
  return {
    async send(m) {
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${m.idempotencyKey.replace(/[^A-Za-z0-9-]/g, '')}.txt`;
      const file = path.join(dir, name);
      await writeFile(file, `To: ${m.to}\nFrom: ${m.from ?? ''}\n\n${m.body}\n`, 'utf8');
      logger.info({ file }, 'SMS written to the local mailbox (no SMS provider configured)');
      return { providerId: name };
    },
  };
}
