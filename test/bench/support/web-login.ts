/** Log in through the web form (GET /login for the CSRF token, POST /login) and return the Cookie header to send. */
export async function webLogin(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/login`);
  const html = await form.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the login page');
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(form);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ _csrf: token, email, password }).toString(),
  });
  if (res.status !== 303) throw new Error(`web login ${email}: ${res.status} ${await res.text()}`);
  keep(res);
  if (!jar.has('dbb.sid')) throw new Error('web login set no session cookie');
  return cookie();
}
