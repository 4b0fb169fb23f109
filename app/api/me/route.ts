import { getDb } from "@/lib/db/client";
import { requirePermission, requireUser } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { deleteAccount, getProfile } from "@/lib/progress/account";
import { deleteAccountSchema } from "@/lib/progress/schemas";

/** The signed-in user's profile (with their track). */
export const GET = route(async () => {
  const user = await requireUser();
  return privateJson({ user: await getProfile(getDb(), user.id) });
});

/** Deletes the signed-in user's account and all their data. Body: `{ confirmEmail }`. */
export const DELETE = route(async (request: Request) => {
  const user = await requirePermission("delete:account:own");
  const { confirmEmail } = deleteAccountSchema.parse(await readJsonBody(request, 1024));
  await deleteAccount(getDb(), user.id, confirmEmail);
  return privateJson({ deleted: true });
});
