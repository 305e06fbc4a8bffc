// Writes docs/carriers.md from the webhook schemes. A test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import { CARRIERS_DOC_PATH, renderCarriersDoc } from '../src/carriers/webhooks-doc.js';

await writeFile(CARRIERS_DOC_PATH, renderCarriersDoc());
process.stdout.write(`wrote ${CARRIERS_DOC_PATH.pathname}\n`);
