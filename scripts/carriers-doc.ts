// Writes docs/carriers.md (webhook schemes) and docs/polling.md (poll clients). Tests fail when either is stale.
import { writeFile } from 'node:fs/promises';
import { POLLING_DOC_PATH, renderPollingDoc } from '../src/carriers/polling-doc.js';
import { CARRIERS_DOC_PATH, renderCarriersDoc } from '../src/carriers/webhooks-doc.js';

for (const [path, text] of [
  [CARRIERS_DOC_PATH, renderCarriersDoc()],
  [POLLING_DOC_PATH, renderPollingDoc()],
] as const) {
  await writeFile(path, text);
  process.stdout.write(`wrote ${path.pathname}\n`);
}
