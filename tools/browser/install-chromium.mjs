#!/usr/bin/env node
// Makes sure Debian's chromium is at /usr/bin/chromium, for the tests that load the matrix
// page in a headless browser (playwright-core drives it). Playwright's own browser download
// reaches a host this project may not use, so the browser comes from Debian's packages.
// Idempotent: nothing runs when the binary is already there. Exits 1 with the step that
// failed and its last lines of output otherwise.
//
// Command line: `node tools/browser/install-chromium.mjs`. Also importable:
// `ensureChromium()` returns the executable's path or throws ChromiumInstallError.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export class ChromiumInstallError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ChromiumInstallError';
  }
}

function tail(text, count = 15) {
  return String(text ?? '')
    .trimEnd()
    .split('\n')
    .slice(-count)
    .join('\n');
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new ChromiumInstallError(`\`${command} ${args.join(' ')}\` could not start: ${result.error.message}`);
  if (result.status !== 0) {
    throw new ChromiumInstallError(`\`${command} ${args.join(' ')}\` failed (exit ${result.status}):\n${tail(result.stderr || result.stdout)}`);
  }
}

/** Installs chromium with apt-get when it is missing; returns the executable's path. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.platform !== 'linux') throw new ChromiumInstallError(`${CHROMIUM_PATH} is missing and this is not Linux: install Chromium there by hand`);
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? ['sudo', '-n'] : [];
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args]) : run('apt-get', args));
  try {
    apt(['update']);
    apt(['install', '-y', 'chromium']);
  } catch (error) {
    throw new ChromiumInstallError(`installing Debian's chromium package failed; ${error.message}`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumInstallError(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const path = ensureChromium();
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' });
    process.stdout.write(`chromium: ${(version.stdout || '').trim() || path}\n`);
  } catch (error) {
    process.stderr.write(`install-chromium: ${error.message}\n`);
    process.exit(1);
  }
}
