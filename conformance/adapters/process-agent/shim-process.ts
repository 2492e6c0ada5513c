import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { lineSplitter } from './line-splitter.ts';
import { newShimTag, SHIM_MARKER, sweepTracked, track } from './process-sweep.ts';
import { MAX_LINE_CHARS } from './protocol.ts';
import type { ProcessAdapterOptions } from './types.ts';

// A grandchild may hold stdout open after the child exits; this long is waited for it.
const EXIT_FLUSH_MS = 200;

/**
 * The lifecycle of one client process: spawned in a process group of its own, read line by
 * line, and killed with its whole group and every marked descendant (process-sweep.ts) once
 * it is killed or has exited, so nothing it started outlives it. It knows nothing of cases:
 * the adapter does.
 */
export class ShimProcess {
  readonly child: ChildProcess;
  exited = false;
  exitDescription = '';
  killedByHarness = false;
  private finished = false;
  private readonly tag = newShimTag();
  private stdout;
  private readonly onLine: (life: ShimProcess, line: string) => void;
  private readonly onFinish: (life: ShimProcess) => void;

  constructor(
    options: ProcessAdapterOptions,
    env: NodeJS.ProcessEnv,
    handlers: { line: (life: ShimProcess, line: string) => void; stderr: (line: string) => void; finish: (life: ShimProcess) => void },
  ) {
    this.onLine = handlers.line;
    this.onFinish = handlers.finish;
    const posix = process.platform !== 'win32';
    const spawnOptions: SpawnOptions = {
      cwd: options.cwd,
      env: { ...env, [SHIM_MARKER]: this.tag },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: posix,
      windowsHide: true,
    };
    this.child =
      typeof options.command === 'string'
        ? spawn(options.command, { ...spawnOptions, shell: true })
        : spawn(options.command[0]!, options.command.slice(1), spawnOptions);
    track(this.tag, posix ? this.child.pid : undefined);
    // An idle child must not keep the harness alive; pending cases hold a timer instead.
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) {
      (stream as unknown as { unref?: () => void } | null)?.unref?.();
    }

    this.stdout = lineSplitter(
      (line) => this.onLine(this, line),
      MAX_LINE_CHARS,
      () => this.onLine(this, `<a line longer than ${MAX_LINE_CHARS} characters>`),
    );
    const stderr = lineSplitter(
      (line) => handlers.stderr(line),
      MAX_LINE_CHARS,
      () => handlers.stderr('<stderr line too long, dropped>'),
    );
    this.child.stdout!.setEncoding('utf8');
    this.child.stderr!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => this.stdout.push(chunk));
    this.child.stderr!.on('data', (chunk: string) => stderr.push(chunk));
    this.child.stderr!.on('end', () => stderr.end());
    // EPIPE when the child is gone: the exit handler reports it.
    this.child.stdin!.on('error', () => {});

    let stdoutEnded = false;
    this.child.stdout!.on('end', () => {
      stdoutEnded = true;
      this.stdout.end();
      if (this.exited) this.finish();
    });
    this.child.on('error', (error) => {
      // spawn failed (e.g. ENOENT for an argv command) or a kill failed.
      if (!this.exited) {
        this.exited = true;
        this.exitDescription = `could not be started: ${error.message}`;
        this.finish();
      }
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitDescription = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (stdoutEnded) this.finish();
      // A grandchild may hold stdout open; do not wait for it forever.
      else setTimeout(() => this.finish(), EXIT_FLUSH_MS).unref();
    });
  }

  private finish() {
    if (this.finished) return;
    this.finished = true;
    // The leader is gone: whatever it started goes with it.
    sweepTracked(this.tag);
    this.onFinish(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  write(line: string): void {
    if (!this.exited && this.child.stdin?.writable) this.child.stdin.write(`${line}\n`);
  }

  /** Kills the child, its group and its marked descendants, even when the child itself has exited already. */
  kill(): void {
    this.killedByHarness = true;
    if (process.platform === 'win32') {
      if (!this.exited) this.child.kill('SIGKILL');
      return;
    }
    sweepTracked(this.tag);
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Closes stdin (the shim then exits at EOF), and kills the child if it has not exited in time. */
  async end(graceMs: number): Promise<void> {
    if (this.exited) {
      this.kill();
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.killedByHarness = true;
    this.child.stdin?.end();
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs));
    if ((await Promise.race([exited, timer])) === 'late') {
      this.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 500))]);
    }
    // An orderly exit may leave children behind: they go too.
    this.kill();
  }
}
