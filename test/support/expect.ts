/** Expect a status; on mismatch fail with the body so the cause is visible. */
export function ok<T extends { status: number; body: any }>(res: T, status = 200): T {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}
