// Writes docs/statuses.md from the carrier code tables. A test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import { renderStatusesDoc, STATUSES_DOC_PATH } from '../src/carriers/statuses-doc.js';

await writeFile(STATUSES_DOC_PATH, renderStatusesDoc());
process.stdout.write(`wrote ${STATUSES_DOC_PATH.pathname}\n`);
