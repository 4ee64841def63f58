import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** one free-port helper for the benchmarks and the reliability tests */
export { freePort } from '../../reliability/support/service';

export interface Child {
  proc: ChildProcess;
  port: number;
  output(): string;
}

export function startChild(args: string[], env: Record<string, string>, port: number, cwd: string): Child {
  const proc = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Resident set size now and its high-water mark, in MB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
