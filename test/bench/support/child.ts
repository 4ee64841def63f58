import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** one free-port helper for the benchmarks and the reliability tests */
export { freePort } from '../../reliability/support/service';

export interface Child {
  proc: ChildProcess;
  port: number;
  output(): string;
}

/**
 * The caller's environment minus what would point the service elsewhere: with DATABASE_URL (or the
 * test and bench URLs) in the shell, the embedded figures would otherwise measure PostgreSQL, or stop
 * at startup asking for the SESSION_SECRET a PostgreSQL deployment must set.
 */
export function embeddedEnv(env: Record<string, string>, port: number): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port) };
  for (const key of ['DATABASE_URL', 'TEST_DATABASE_URL', 'BENCH_DATABASE_URL', 'SESSION_SECRET']) if (!(key in env)) delete out[key];
  return out;
}

/** `node <args>`, or with `command` another program (npm), in its own process group so it stops with its children. */
export function startChild(args: string[], env: Record<string, string>, port: number, cwd: string, command: string = process.execPath): Child {
  const proc = spawn(command, args, { cwd, env: embeddedEnv(env, port), stdio: ['ignore', 'pipe', 'pipe'], detached: command !== process.execPath });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  proc.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  return { proc, port, output: () => out };
}

/** Poll `url` every 20 ms until it answers 200; milliseconds from `since`. */
export async function waitFor200(url: string, child: Child, since: number, timeoutMs: number): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (child.proc.exitCode !== null) throw new Error(`process exited with ${child.proc.exitCode}: ${child.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return performance.now() - since;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms: ${child.output()}`);
}

export function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<void> {
  const group = child.proc.spawnargs[0] !== process.execPath && child.proc.pid !== undefined;
  if (group) return stopGroup(child.proc.pid!, signal, timeoutMs);
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return resolve();
    const t = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs);
    child.proc.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.proc.kill(signal);
  });
}

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** npm and the node it started: signal the process group, then wait until every member is gone (port and DATA_DIR lock free). */
async function stopGroup(pgid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  if (groupAlive(pgid)) process.kill(-pgid, signal);
  const deadline = performance.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (performance.now() > deadline) process.kill(-pgid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resident set size now and its high-water mark, in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
