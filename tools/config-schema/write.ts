// `npx tsx tools/config-schema/write.ts`: writes the JSON Schema of conformance.config.json from
// the flag table (conformance/cli/config-schema.ts). config-schema.test.ts fails until the
// committed file matches the table, so a new flag cannot be forgotten there.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SCHEMA_PATH, configSchemaText } from '../../conformance/cli/config-schema.ts';
import { repoRoot } from '../paths.ts';

writeFileSync(join(repoRoot, CONFIG_SCHEMA_PATH), configSchemaText());
process.stdout.write(`wrote ${CONFIG_SCHEMA_PATH}\n`);
