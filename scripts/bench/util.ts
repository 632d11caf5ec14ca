/** Process hygiene for the bench: timeouts, and cleanups that also run on Ctrl-C / SIGTERM. */
import { spawn } from 'node:child_process';

type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();

/** Registers a cleanup to run if the process is interrupted; returns a function that unregisters it. */
export function onInterrupt(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => void cleanups.delete(fn);
}

/** Runs `use(resource)` and always `close(resource)` afterwards — also when interrupted. */
export async function using<T, R>(open: () => Promise<T>, close: (t: T) => Promise<void> | void, body: (t: T) => Promise<R>): Promise<R> {
  const t = await open();
  const release = async () => {
    try {
      await close(t);
    } catch (e) {
      log(`cleanup failed: ${(e as Error).message}`);
    }
  };
  const off = onInterrupt(release);
  try {
    return await body(t);
  } finally {
    off();
    await release();
  }
}

let interrupted = false;
async function interrupt(signal: NodeJS.Signals) {
  if (interrupted) process.exit(130);
  interrupted = true;
  // what was running (lighthouse, playwright) fails as its browser goes away: expected now, not worth a stack trace
  process.on('unhandledRejection', () => undefined);
  log(`${signal}: cleaning up…`);
  await Promise.allSettled([...cleanups].map(async (fn) => fn()));
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
export function installSignalHandlers() {
  process.once('SIGINT', () => void interrupt('SIGINT'));
  process.once('SIGTERM', () => void interrupt('SIGTERM'));
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new TimeoutError(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a command, streaming nothing; resolves with its output, rejects (and kills it) on failure or timeout. */
export function run(cmd: string, args: string[], opts: { cwd: string; timeoutMs: number }): Promise<string> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const off = onInterrupt(() => void child.kill('SIGTERM'));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      rej(new TimeoutError(`${cmd} ${args.join(' ')} timed out after ${Math.round(opts.timeoutMs / 1000)} s\n${out}`));
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      off();
      rej(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      off();
      if (code === 0) res(out);
      else rej(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}\n${out}`));
    });
  });
}

export function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}
