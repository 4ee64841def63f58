import { TestApp, TEST_PASSWORD } from '../support/app';
import { ok } from '../support/expect';
import { U } from '../support/users';

/** The id of a seeded or created user. */
export async function userId(t: TestApp, email: string): Promise<string> {
  const id = t.seeded.users[email]?.id;
  if (id) return id;
  const res = ok(await t.api('GET', '/api/v1/users', { as: U.admin }));
  return (res.body.items as { id: string; email: string }[]).find((u) => u.email === email)!.id;
}

/** A user created by the admin (password TEST_PASSWORD). */
export async function makeUser(
  t: TestApp,
  email: string,
  orgKey: string,
  roles: string[],
  mandate: string | null = null,
): Promise<string> {
  const res = ok(
    await t.api('POST', '/api/v1/users', {
      as: U.admin,
      body: { email, displayName: email.split('@')[0], password: TEST_PASSWORD, organisationId: t.seeded.organisations[orgKey].id, roles, mandate },
    }),
    201,
  );
  return res.body.id;
}
