// One build or install at a time across processes: vitest runs test files in parallel
// workers, and more than one may need the same venv or the same cargo target folder. mkdir is
// atomic, so whoever creates the lock folder does the work and the others wait; a lock left
// by a process that died on this host is taken over, and one whose owner never wrote its
// name is taken over after a minute.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

const POLL_MS = 250;
const NAMELESS_OWNER_MS = 60_000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function ageMs(path) {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Runs `action` holding the lock folder `lockDir`, waiting at most `timeoutMs` for it.
 * `fail(message)` makes the error to throw (each toolchain has its own error class);
 * `shown(path)` is how messages name a path; `what` names the work in the give-up message.
 */
export function withDirectoryLock(lockDir, action, { timeoutMs, fail, shown, what }) {
  const started = Date.now();
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw fail(`could not create the lock ${shown(lockDir)}: ${error.message}`);
    }
    let owner;
    try {
      owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8'));
    } catch {
      owner = undefined; // between mkdir and writing owner.json, or died there
    }
    const ownerDied = owner ? owner.host === hostname() && !processAlive(owner.pid) : ageMs(lockDir) > NAMELESS_OWNER_MS;
    if (ownerDied) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw fail(
        `gave up after ${timeoutMs / 60_000} minutes waiting for ${shown(lockDir)} (held by ${owner ? `pid ${owner.pid} on ${owner.host}` : 'an unknown process'}); remove it if no ${what} is running`,
      );
    }
    sleep(POLL_MS);
  }
  try {
    writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname() }));
    return action();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
