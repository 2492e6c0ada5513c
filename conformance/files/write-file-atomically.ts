import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file the suite produces (a report, the failures file) so that nothing can see it
 * half-written and nothing can redirect it: the text goes to a new temporary file in the same
 * folder, created exclusively (O_CREAT | O_EXCL, which never follows a link and never opens a
 * file that is already there), then renamed over the path. The rename replaces whatever entry
 * the path had, a symbolic link or one name of a hard-linked file, instead of writing through
 * it, so the file a link points at is never touched. A reader sees the old file or the new one.
 */
export function writeFileAtomically(path: string, text: string): void {
  // A device such as /dev/null is written in place: a rename would replace the device itself
  // with a plain file (as root, /dev/null for every process on the machine).
  if (isCharacterDevice(path)) {
    writeToDevice(path, text);
    return;
  }
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const descriptor = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    try {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(descriptor, bytes, written, bytes.length - written);
      // On disk before the rename makes it visible: a crash leaves the old file, not an empty one.
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or never made: nothing to clean.
    }
    throw error;
  }
}

function isCharacterDevice(path: string): boolean {
  try {
    return lstatSync(path).isCharacterDevice();
  } catch {
    return false;
  }
}

function writeToDevice(path: string, text: string): void {
  const descriptor = openSync(path, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(descriptor, bytes, written, bytes.length - written);
  } finally {
    closeSync(descriptor);
  }
}
