import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REVISION_IDS } from '../model/revisions.ts';
import { packageRoot } from '../package-root.ts';
import { parseServerCliOptions, SERVER_FLAGS } from '../server/cli/server-options.ts';
import { CONFIG_FLAGS, ConfigFileError, configKeyOf, configKeys, configToArgv, NOT_IN_A_FILE } from './config-file.ts';
import { CONFIG_SCHEMA_PATH, configSchema, configSchemaText } from './config-schema.ts';
import { COMMON_FLAGS } from './flags.ts';
import { CLIENT_FLAGS, parseCliOptions } from './options.ts';

const FILE = 'conformance.config.json';
const schema = configSchema();
const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);

/** A value each flag takes, written as a file would. */
const SAMPLE_STRINGS: Readonly<Record<string, string>> = {
  adapter: './my-adapter.mjs',
  command: 'node my-shim.mjs',
  expectations: 'my-client.json',
  region: 'eu-west-1',
  revision: REVISION_IDS[0]!,
  filter: 'C14',
  reporter: 'junit=out/conformance.xml',
  unverified: 'unknown-token=any',
};

function sample(name: string): unknown {
  const flag = CONFIG_FLAGS[name]!;
  if (name === 'server') return true;
  if (flag.type === 'boolean') return true;
  if (flag.range) return flag.range.min;
  const text = SAMPLE_STRINGS[name];
  if (text === undefined) throw new Error(`no sample value for --${name}: add one`);
  return flag.multiple ? [text] : text;
}

/** The flag check of the direction the flag belongs to (common flags: both). */
function parsesAs(name: string, argv: string[]): void {
  if (!Object.hasOwn(SERVER_FLAGS, name)) parseCliOptions(argv);
  if (!Object.hasOwn(CLIENT_FLAGS, name)) parseServerCliOptions(argv);
}

describe('the JSON Schema of conformance.config.json', () => {
  it('is committed as the flag table makes it (npx tsx tools/config-schema/write.ts rewrites it)', () => {
    expect(readFileSync(join(packageRoot, CONFIG_SCHEMA_PATH), 'utf8')).toBe(configSchemaText());
  });

  it('is shipped in the package and exported by a short name', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, unknown> };
    expect(manifest.files).toContain(CONFIG_SCHEMA_PATH);
    expect(manifest.exports['./conformance.config.schema.json']).toBe(`./${CONFIG_SCHEMA_PATH}`);
  });

  it('gives every flag of both directions a key, or declares it not allowed with the reason', () => {
    const properties = schema.properties as Record<string, { not?: object; description: string }>;
    const flags = { ...CLIENT_FLAGS, ...SERVER_FLAGS, ...COMMON_FLAGS };
    expect(Object.keys(CONFIG_FLAGS).sort()).toEqual(Object.keys(flags).sort());
    for (const name of Object.keys(NOT_IN_A_FILE)) expect(Object.hasOwn(flags, name), `NOT_IN_A_FILE names --${name}, which no table has`).toBe(true);
    const keys = configKeys(CONFIG_FLAGS);
    for (const [name, flag] of Object.entries(flags)) {
      const key = configKeyOf(name, flag);
      const property = properties[key];
      expect(property, `--${name} has no "${key}" in the schema`).toBeDefined();
      if (Object.hasOwn(NOT_IN_A_FILE, name)) {
        expect(keys.has(key)).toBe(false);
        expect(property!.not).toEqual({});
        expect(property!.description).toContain(NOT_IN_A_FILE[name]);
      } else {
        expect(keys.get(key)).toBe(name);
        expect(property!.not).toBeUndefined();
      }
    }
    expect(Object.keys(properties).sort()).toEqual(['$schema', ...Object.entries(flags).map(([name, flag]) => configKeyOf(name, flag))].sort());
    // The key that matters most, said plainly.
    expect(properties.noRedact!.description).toMatch(/switched off only on the command line/);
    expect(properties.server).toBeDefined();
  });

  it('accepts what the suite accepts: each key alone, with a value its flag takes', () => {
    for (const [key, name] of configKeys(CONFIG_FLAGS)) {
      const config = { $schema: './node_modules/revoketoken-conformance/conformance.config.schema.json', [key]: sample(name) };
      expect(validate(config), `${key}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(() => parsesAs(name, configToArgv(FILE, config, CONFIG_FLAGS)), key).not.toThrow();
    }
    // The README's example.
    const readme = { adapter: './my-adapter.mjs', strict: true, reporters: ['human', 'junit=out/conformance.xml'], seed: 42 };
    expect(validate(readme)).toBe(true);
    expect(() => parseCliOptions(configToArgv(FILE, readme, CONFIG_FLAGS))).not.toThrow();
  });

  it('refuses what the suite refuses: unknown keys, excluded flags, numbers out of range, wrong types', () => {
    const refusedByBoth = (config: Record<string, unknown>, name?: string) => {
      expect(validate(config), JSON.stringify(config)).toBe(false);
      expect(() => {
        const argv = configToArgv(FILE, config, CONFIG_FLAGS);
        parsesAs(name ?? '', argv);
      }, JSON.stringify(config)).toThrow();
    };
    refusedByBoth({ strikt: true });
    refusedByBoth({ noRedact: true });
    refusedByBoth({ noRedact: false });
    refusedByBoth({ list: true });
    refusedByBoth({ strict: 'yes' });
    refusedByBoth({ reporters: 'human' });
    refusedByBoth({ server: false });
    for (const [key, name] of configKeys(CONFIG_FLAGS)) {
      const range = CONFIG_FLAGS[name]!.range;
      if (!range) continue;
      refusedByBoth({ [key]: range.max * 10 }, name);
      refusedByBoth({ [key]: -1 }, name);
    }
    expect(() => configToArgv(FILE, { noRedact: true }, CONFIG_FLAGS)).toThrow(ConfigFileError);
  });
});
