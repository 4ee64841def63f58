/** A browser-like cookie jar over fetch, for the server-rendered pages. */
export class WebSession {
  private readonly jar = new Map<string, string>();

  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const expired = attrs.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a)) || attrs.some((a) => /^\s*max-age=0\b/i.test(a));
      if (expired) this.jar.delete(name);
      else this.jar.set(name, pair.slice(i + 1));
    }
  }

  async get(url: string): Promise<{ status: number; html: string; location: string | null }> {
    const res = await fetch(url, { headers: { cookie: this.cookie }, redirect: 'manual' });
    this.keep(res);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  async post(url: string, form: Record<string, string>): Promise<{ status: number; html: string; location: string | null }> {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    this.keep(res);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  /** GET /login for the CSRF token, then POST the form. */
  async login(baseUrl: string, email: string, password: string): Promise<void> {
    const form = await this.get(`${baseUrl}/login`);
    const res = await this.post(`${baseUrl}/login`, { _csrf: csrfToken(form.html), email, password });
    if (res.status !== 303) throw new Error(`login ${email}: ${res.status} ${res.html.slice(0, 300)}`);
  }
}

export function csrfToken(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token in the page');
  return token;
}
