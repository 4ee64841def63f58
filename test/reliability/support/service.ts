import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const PASSWORD = 'betrouwbaar-wachtwoord-123';

/** A free loopback port (the service does not take PORT=0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  proc: ChildProcess;
  baseUrl: string;
  output(): string;
  /** SIGKILL: no shutdown hooks, no flushing — a crash */
  kill(): Promise<void>;
  /** SIGTERM and wait for the graceful shutdown */
  stop(): Promise<void>;
}

/**
 * The service as a real process, the way it is deployed, but from source:
 * `node -r ts-node/register/transpile-only src/main.ts` with DATABASE_URL or DATA_DIR in `env`.
 * Resolves once GET /health answers 200.
 */
export async function startService(env: Record<string, string>, port: number, timeoutMs = 90_000): Promise<ServiceProcess> {
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'true',
      DEMO_PASSWORD: PASSWORD,
      SESSION_SECRET: 'reliability-session-secret-long-enough-1234',
      LOGIN_LIMIT_PER_ACCOUNT: '100000',
      LOGIN_LIMIT_PER_ADDRESS: '100000',
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-30_000));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = () => proc.exitCode !== null || proc.signalCode !== null;
  const waitExit = (signal: NodeJS.Signals, graceMs: number) =>
    new Promise<void>((resolve) => {
      if (exited()) return resolve();
      const t = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      proc.kill(signal);
    });
  const service: ServiceProcess = {
    proc,
    baseUrl,
    output: () => out,
    kill: () => waitExit('SIGKILL', 5_000),
    stop: () => waitExit('SIGTERM', 20_000),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`service exited (${proc.exitCode ?? proc.signalCode}):\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return service;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await service.kill();
  throw new Error(`service not healthy within ${timeoutMs} ms:\n${out}`);
}
