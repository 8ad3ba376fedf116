import type { Queryable } from "./database.ts";

export async function setAssociateNumber(
  q: Queryable,
  userId: number,
  integrationId: number,
  associateNumber: string | null,
) {
  if (associateNumber === null)
    await q.query("delete from user_associates where user_id = $1 and integration_id = $2", [
      userId,
      integrationId,
    ]);
  else
    await q.query(
      `insert into user_associates (store_id, user_id, integration_id, associate_number)
       select u.store_id, u.id, $2, $3 from users u where u.id = $1
       on conflict (user_id, integration_id) do update set associate_number = excluded.associate_number`,
      [userId, integrationId, associateNumber],
    );
}

export async function associateNumberOf(
  q: Queryable,
  userId: number,
  integrationId: number,
): Promise<string | undefined> {
  const [row] = await q.query<{ associate_number: string }>(
    "select associate_number from user_associates where user_id = $1 and integration_id = $2",
    [userId, integrationId],
  );
  return row?.associate_number;
}

export async function listAssociateNumbers(q: Queryable, integrationId: number) {
  return q.query<{ user_id: number; associate_number: string }>(
    "select user_id, associate_number from user_associates where integration_id = $1 order by user_id",
    [integrationId],
  );
}

/**
 * The other user an associate number of the integration is mapped to, locking the mapping of
 * that number for the transaction (two admins mapping one number at once wait for each other).
 */
export async function otherHolderOf(
  q: Queryable,
  integrationId: number,
  associateNumber: string,
  userId: number,
): Promise<number | undefined> {
  await q.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
    `associate:${integrationId}:${associateNumber}`,
  ]);
  const [row] = await q.query<{ user_id: number }>(
    `select user_id from user_associates
     where integration_id = $1 and associate_number = $2 and user_id <> $3 limit 1`,
    [integrationId, associateNumber, userId],
  );
  return row?.user_id;
}
