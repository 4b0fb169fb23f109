import { getDb } from "@/lib/db/client";
import { signUp } from "@/lib/accounts/sign-up";
import { privateJson, readJsonBody, route } from "@/lib/http/route";

/** Sign up. The client then signs in through next-auth with the same credentials. */
export const POST = route(async (request: Request) => {
  const user = await signUp(getDb(), await readJsonBody(request, 4 * 1024));
  return privateJson({ user }, 201);
});
