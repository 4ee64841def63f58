import { U } from '../../support/users';
/** A small JSON client for a service under test, with bearer tokens per user. */
export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export class Client {
  private readonly tokens = new Map<string, string>();

  constructor(
    public baseUrl: string,
    private readonly password: string,
  ) {}

  async token(email: string): Promise<string> {
    const cached = this.tokens.get(email);
    if (cached) return cached;
    const res = await this.call('POST', '/api/v1/auth/token', { body: { email, password: this.password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(email, res.body.accessToken);
    return res.body.accessToken;
  }

  async call(method: string, path: string, o: { as?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (o.as) headers.authorization = `Bearer ${await this.token(o.as)}`;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  }

  async ok(method: string, path: string, o: Parameters<Client['call']>[2] = {}, status = 200): Promise<any> {
    const res = await this.call(method, path, o);
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

export { U };
