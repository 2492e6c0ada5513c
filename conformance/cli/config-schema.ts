import { CONFIG_FLAGS, configKeyOf, NOT_IN_A_FILE, SCHEMA_KEY } from './config-file.ts';
import { FILE_REPORTERS, type Flag } from './flags.ts';

/** Where the schema is kept in the repository and the package (package.json "files" ships it). */
export const CONFIG_SCHEMA_PATH = 'conformance/cli/conformance.config.schema.json';

type JsonSchema = Record<string, unknown>;

/** The number a ranged flag takes, written as a number or as the flag's text. */
function rangedSchema(flag: Flag & { range: NonNullable<Flag['range']> }): JsonSchema {
  const { min, max, fractional } = flag.range;
  return {
    anyOf: [
      { type: fractional ? 'number' : 'integer', minimum: min, maximum: max },
      { type: 'string', pattern: fractional ? '^\\d+(\\.\\d+)?$' : '^\\d+$' },
    ],
  };
}

/** One flag's value in a file, as configToArgv (config-file.ts) reads it. */
function valueSchema(name: string, flag: Flag): JsonSchema {
  if (name === 'server') return { anyOf: [{ const: true }, { type: 'string', minLength: 1 }] };
  if (flag.type === 'boolean') return { type: 'boolean' };
  if (flag.multiple) {
    const item =
      name === 'reporter' ? { type: 'string', pattern: `^(human|github|(${FILE_REPORTERS.join('|')})=.+)$` } : { type: ['string', 'number'], minLength: 1 };
    return { type: 'array', items: item };
  }
  if (flag.range) return rangedSchema(flag as Flag & { range: NonNullable<Flag['range']> });
  return { type: ['string', 'number'], minLength: 1 };
}

/**
 * The JSON Schema of conformance.config.json, built from the flag table so the two cannot
 * drift: one key per flag (camelCase, repeatable flags plural, as arrays), `$schema` for
 * editors, and the flags a file cannot set declared with the reason, so an editor says why.
 */
export function configSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    [SCHEMA_KEY]: { type: 'string', description: 'The path or URL of this schema, for editors; the suite ignores it.' },
  };
  for (const [name, flag] of Object.entries(CONFIG_FLAGS)) {
    const key = configKeyOf(name, flag);
    const refused = NOT_IN_A_FILE[name];
    if (refused !== undefined) {
      // `not: {}` matches nothing: any value of the key is refused, with the reason shown on hover.
      properties[key] = { not: {}, description: `Not allowed in a config file: ${refused}.` };
      continue;
    }
    const defaultValue = flag.default !== undefined && flag.default !== false ? { default: flag.default } : {};
    properties[key] = { ...valueSchema(name, flag), description: `--${name}: ${flag.help}`, ...defaultValue };
  }
  const excluded = Object.keys(NOT_IN_A_FILE).map((name) => `--${name}`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:revoketoken-conformance:schema:conformance.config',
    title: 'conformance.config.json',
    description: [
      'The usual flags of `npx revoketoken-conformance` in a project (flags on the command line override them).',
      'Keys are the flags in camelCase; repeatable flags are plural and take arrays (filters, reporters); numbers may be written as numbers.',
      'Setting "server" runs the server suite; "adapter" or "command" (not both with "server") the client suite; each direction ignores the other one\'s settings.',
      `Not allowed: ${excluded.join(', ')}. noRedact in particular: redaction is switched off only on the command line, since a repository can ship this file.`,
      'An unknown key stops the run with exit code 2, naming the key.',
    ].join(' '),
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

/** The schema file's text, as committed. */
export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}
