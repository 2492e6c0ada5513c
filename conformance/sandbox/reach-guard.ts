import childProcess from 'node:child_process';
import inspector from 'node:inspector';
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';

/**
 * What an adapter in the sandbox may not start: a child process, a worker thread, a native addon
 * or an inspector session (decisions/0021). Each runs code the sandbox's guards do not cover (a
 * worker has no network guard, an addon or a child can connect, signal the harness or end its
 * process, an inspector session can read the sandbox's secret), so each is refused where it
 * starts, with an error like Node's own permission model gives (ERR_ACCESS_DENIED), and noted so
 * the case that tried fails rule A5 naming it. Installed after the harness's own modules have
 * loaded (their TypeScript compiler runs as a child process it started before) and before the
 * adapter's module; ESM named imports of these modules are synced, so `import { spawn }` is
 * guarded too. The raw bindings behind them are refused through process.binding.
 */
export interface ReachGuard {
  /** What was refused since the last drain, oldest first ("started a child process (spawn sleep)"). */
  drain(): string[];
  /**
   * Child processes let through while `childProcessesAllowed` said yes (the adapter's module
   * loading: a module may build a process client, which the harness then runs in its own thread).
   */
  startedWhileAllowed(): string[];
}

export interface ReachGuardOptions {
  /** True while child processes may start (noted, not refused). Default: never. */
  childProcessesAllowed?: () => boolean;
}

const MAX_RECORDED = 100;

function denied(what: string): NodeJS.ErrnoException {
  const error = new Error(`conformance sandbox: ${what} is not allowed in the sandbox (decisions/0021)`) as NodeJS.ErrnoException;
  error.code = 'ERR_ACCESS_DENIED';
  return error;
}

/** A short name for what a call would have run: its command, without arguments (they may hold a Token). */
function commandOf(args: unknown[]): string {
  const first = args[0];
  if (typeof first === 'string') return (first.trim().split(/\s+/)[0] ?? '').slice(0, 80);
  if (first instanceof URL) return first.pathname.slice(0, 80);
  return 'a command';
}

export function installReachGuard(options: ReachGuardOptions = {}): ReachGuard {
  const refused: string[] = [];
  const allowed: string[] = [];
  const note = (what: string) => {
    if (refused.length < MAX_RECORDED) refused.push(what);
  };

  const processes = childProcess as unknown as Record<string, unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    const real = processes[name] as (...args: unknown[]) => unknown;
    processes[name] = function guarded(this: unknown, ...args: unknown[]) {
      const what = `started a child process (${name} ${commandOf(args)})`;
      if (options.childProcessesAllowed?.()) {
        if (allowed.length < MAX_RECORDED) allowed.push(what);
        return real.apply(this, args);
      }
      note(what);
      throw denied(what);
    };
  }

  class RefusedWorker {
    constructor(...args: unknown[]) {
      // The path's last part only: code given as a string (eval) may hold anything, a Token included.
      const options = args[1] as { eval?: unknown } | undefined;
      const script = options?.eval ? 'code given as a string' : args[0] instanceof URL ? args[0].pathname : typeof args[0] === 'string' ? args[0] : 'a script';
      const what = `started a worker thread (${script.split('/').pop()!.slice(0, 80)})`;
      note(what);
      throw denied(what);
    }
  }
  Object.defineProperty(workerThreads, 'Worker', { value: RefusedWorker, writable: true, configurable: true, enumerable: true });

  const dlopen = (..._args: unknown[]) => {
    const what = 'loaded a native addon';
    note(what);
    throw denied(what);
  };
  Object.defineProperty(process, 'dlopen', { value: dlopen, writable: true, configurable: true });

  const session = inspector as unknown as Record<string, unknown>;
  session.Session = class RefusedSession {
    constructor() {
      note('opened an inspector session');
      throw denied('opened an inspector session');
    }
  };
  session.open = () => {
    note('opened the inspector');
    throw denied('opened the inspector');
  };

  // The handles behind child processes, workers and signals, through the deprecated process.binding.
  const realBinding = (process as unknown as { binding: (name: string) => unknown }).binding;
  (process as unknown as { binding: (name: string) => unknown }).binding = (name: string) => {
    if (/^(spawn_sync|process_wrap|worker|inspector|signal_wrap)$/.test(String(name))) {
      const what = `reached process.binding('${String(name)}')`;
      note(what);
      throw denied(what);
    }
    return realBinding.call(process, name);
  };

  syncBuiltinESMExports();
  return {
    drain() {
      return refused.splice(0, refused.length);
    },
    startedWhileAllowed() {
      return [...allowed];
    },
  };
}
