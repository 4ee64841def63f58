import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  roles?: string[];
  /** the provider ends this account's login with error=access_denied */
  deny?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** A free loopback port (the app must know its redirect URI before the provider starts). */
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

/** Start test/support/oidc-provider-server.mjs (oidc-provider, ESM) with plain Node and wait until it listens. */
export function startOidcProvider(opts: { redirectUris: string[]; accounts: Record<string, TestAccount> }): Promise<TestOidcProvider> {
  const clientId = 'doorbraakbudget-test';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', OIDC_TEST_CONFIG: JSON.stringify({ clientId, clientSecret, ...opts }) },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`oidc-provider-server exited with ${code}: ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const { issuer } = JSON.parse(out.slice(0, nl)) as { issuer: string };
      resolve({
        issuer,
        clientId,
        clientSecret,
        stop: () =>
          new Promise<void>((res) => {
            if (child.exitCode !== null) return res();
            child.removeAllListeners('exit');
            child.on('exit', () => res());
            child.stdin.end();
          }),
      });
    });
  });
}

/** A minimal cookie jar for fetch across the app and the provider (same host, different ports: one jar, like a browser). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/;\s*(expires=Thu, 01 Jan 1970|max-age=0)/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request without following redirects. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.header());
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(res);
    return res;
  }

  /** Follow redirects until `stop(url)` is true or a non-redirect answer comes; returns the last response and URL. */
  async follow(url: string, init: RequestInit = {}, stop: (u: URL) => boolean = () => false): Promise<{ res: Response; url: URL }> {
    let current = new URL(url);
    let res = await this.fetch(current.href, init);
    for (let i = 0; i < 20 && res.status >= 300 && res.status < 400; i++) {
      current = new URL(res.headers.get('location') as string, current);
      if (stop(current)) return { res, url: current };
      await res.arrayBuffer();
      res = await this.fetch(current.href);
    }
    return { res, url: current };
  }
}
