import { readdirSync, readFileSync } from 'node:fs';

/**
 * Finding every process a client process started, to kill them all when the harness is done
 * with it. Two nets, because each one alone has holes:
 *
 * - the process group: the client is spawned detached, so it leads a group of its own, and
 *   `kill(-pgid)` reaches every member, even after the leader has exited;
 * - a marker: every client process gets `REVOKETOKEN_CONFORMANCE_SHIM=<tag>` in its
 *   environment, which its descendants inherit. A child that called setsid() has left the
 *   group but still carries the marker, and on Linux /proc/<pid>/environ shows it. A
 *   descendant that both leaves the group and clears its environment escapes both nets.
 */

/** The environment variable that marks every descendant of one client process. */
export const SHIM_MARKER = 'REVOKETOKEN_CONFORMANCE_SHIM';

let sequence = 0;

/** A tag no other client process of any harness on this machine carries. */
export function newShimTag(): string {
  sequence += 1;
  return `${process.pid}.${sequence}.${Math.random().toString(36).slice(2, 10)}`;
}

/** Pids of the processes whose environment carries the marker with this tag (Linux only; elsewhere none). */
export function markedProcesses(tag: string): number[] {
  if (process.platform !== 'linux') return [];
  const needle = `\0${SHIM_MARKER}=${tag}\0`;
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (`\0${readFileSync(`/proc/${entry}/environ`, 'latin1')}`.includes(needle)) found.push(Number(entry));
    } catch {
      // Gone already, or another user's process (which no client of ours can have become).
    }
  }
  return found;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

/**
 * Kills the group `pgid` leads and every process carrying the tag. Synchronous, so it also
 * runs from an exit handler. Repeated a few times: a process may fork between two scans.
 */
export function sweep(pgid: number | undefined, tag: string): void {
  if (process.platform === 'win32') return;
  for (let round = 0; round < 5; round++) {
    if (pgid !== undefined) killQuietly(-pgid);
    const marked = markedProcesses(tag);
    if (marked.length === 0) return;
    for (const pid of marked) killQuietly(pid);
  }
}

const live = new Map<string, number | undefined>();
let exitHookInstalled = false;

/** Remembers a client process until it is swept, so a harness that exits first still sweeps it. */
export function track(tag: string, pgid: number | undefined): void {
  live.set(tag, pgid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const [liveTag, livePgid] of live) sweep(livePgid, liveTag);
    });
  }
}

/** Sweeps one client process and forgets it. */
export function sweepTracked(tag: string): void {
  const pgid = live.get(tag);
  live.delete(tag);
  sweep(pgid, tag);
}
