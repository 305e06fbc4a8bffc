// Writes openapi/openapi.json from the routes' schemas. A test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import { OPENAPI_PATH, renderOpenApi } from '../src/http/openapi-document.js';

await writeFile(OPENAPI_PATH, await renderOpenApi());
process.stdout.write(`wrote ${OPENAPI_PATH.pathname}\n`);
