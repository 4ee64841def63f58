import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface PgliteChild {
  url: string;
  dump(file: string): Promise<void>;
  stop(): Promise<void>;
}

/** Start test/support/pglite-server.js with plain Node and wait until it listens. */
export function startPgliteChild(template?: string): Promise<PgliteChild> {
  const args = [join(__dirname, 'pglite-server.js'), ...(template ? ['--load', template] : [])];
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: ((line: string) => void)[] = [];
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`pglite-server exited with ${code}: ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith('{')) {
          const { port } = JSON.parse(line) as { port: number };
          resolve({
            url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
            dump: (file) =>
              new Promise<void>((res) => {
                waiters.push(() => res());
                child.stdin.write(`dump ${file}\n`);
              }),
            stop: () =>
              new Promise<void>((res) => {
                if (child.exitCode !== null) return res();
                child.removeAllListeners('exit');
                child.on('exit', () => res());
                child.stdin.end();
                setTimeout(() => child.kill('SIGKILL'), 5000).unref();
              }),
          });
        } else {
          waiters.shift()?.(line);
        }
      }
    });
  });
}
