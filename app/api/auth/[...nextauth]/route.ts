import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { concurrencyLimit } from "@/lib/http/concurrency";
import { getEnv } from "@/lib/env";

// Options are built per request so env validation happens at run time, not at build time.
const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> =>
  NextAuth(authOptions())(request, context) as Promise<Response>;

// Sign-in and sign-out posts, SIGN_IN_CONCURRENCY (default 2) at a time: a burst of sign-ins
// waits its turn instead of crowding out everyone else's requests (decision 022,
// bench/sign-in-load.ts). Created on first use so the environment is read at run time.
let posts: ReturnType<typeof concurrencyLimit> | undefined;
const post = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => {
  posts ??= concurrencyLimit(getEnv().SIGN_IN_CONCURRENCY);
  return posts(() => handler(request, context));
};

export { handler as GET, post as POST };
