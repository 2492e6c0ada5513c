#!/usr/bin/env node
// Makes sure Debian's awscli package, pinned to AWSCLI_V2_VERSION, is installed: the AWS CLI v2
// that the aws-cli-v2 lane drives (its Python modules live in /usr/lib/python3/dist-packages
// and run on Debian's /usr/bin/python3). Idempotent: nothing runs when that version is already
// installed. Otherwise it runs `apt-get update` and installs exactly that version (as root, or
// through `sudo -n`), so a newer Debian revision never changes the lane without a commit here.
// Exits 1 with the step that failed and its last lines of output.
//
// Command line: `node conformance/adapters/toolchains/debian-awscli.mjs`. Also importable:
// `ensureDebianAwscli()` returns the interpreter to run the CLI's modules with, or throws
// DebianAwscliError.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastLines } from './messages.mjs';

/** The Debian package version the lane is pinned to (bookworm's awscli). */
export const AWSCLI_V2_VERSION = '2.9.19-1';
/** The interpreter Debian's awscli is installed for. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

export class DebianAwscliError extends Error {
  constructor(message) {
    super(message);
    this.name = 'DebianAwscliError';
  }
}

/** The installed version of Debian's awscli package, or undefined when it is not installed (or there is no dpkg). */
export function installedAwscliVersion() {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax, not a template
  const probe = spawnSync('dpkg-query', ['-W', '-f', '${Status}\t${Version}', 'awscli'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  const [status, version] = probe.stdout.split('\t');
  return /install ok installed/.test(status) ? version : undefined;
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new DebianAwscliError(`\`${command} ${args.join(' ')}\` could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new DebianAwscliError(`\`${command} ${args.join(' ')}\` failed (exit ${result.status}):\n${lastLines(result.stderr || result.stdout)}`);
}

/**
 * Installs Debian's awscli at AWSCLI_V2_VERSION unless it is already there, and checks that its
 * modules import. Returns { python, version, installed } (installed: whether this call ran apt-get).
 *
 * @param {{ log?: (line: string) => void }} [options]
 */
export function ensureDebianAwscli(options = {}) {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  let installed = false;
  const found = installedAwscliVersion();
  if (found !== AWSCLI_V2_VERSION) {
    if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
      throw new DebianAwscliError(
        `the aws-cli-v2 lane needs Debian's awscli ${AWSCLI_V2_VERSION} (${found ? `found ${found}` : 'not installed'}), and this machine has no apt-get: run it on Debian 12 (bookworm)`,
      );
    }
    log(`debian-awscli: installing Debian's awscli ${AWSCLI_V2_VERSION}${found ? ` (found ${found})` : ''}`);
    const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? ['sudo', '-n'] : [];
    const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args]) : run('apt-get', args));
    try {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', `awscli=${AWSCLI_V2_VERSION}`]);
    } catch (error) {
      throw new DebianAwscliError(`installing Debian's awscli ${AWSCLI_V2_VERSION} failed; ${error.message}`);
    }
    const now = installedAwscliVersion();
    if (now !== AWSCLI_V2_VERSION)
      throw new DebianAwscliError(`apt-get ran, but dpkg reports awscli ${now ?? 'not installed'} instead of ${AWSCLI_V2_VERSION}`);
    installed = true;
  }
  const probe = spawnSync(DEBIAN_PYTHON, ['-I', '-c', 'import awscli; print(awscli.__version__)'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new DebianAwscliError(`Debian's awscli is installed but ${DEBIAN_PYTHON} cannot import awscli:\n${lastLines(probe.stderr || String(probe.error))}`);
  }
  return { python: DEBIAN_PYTHON, version: probe.stdout.trim(), installed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { version, installed } = ensureDebianAwscli();
    process.stdout.write(`awscli ${version} (Debian ${AWSCLI_V2_VERSION}): ${installed ? 'installed' : 'already installed'}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof DebianAwscliError ? error.message : error.stack}\n`);
    process.exit(1);
  }
}
