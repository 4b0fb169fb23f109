import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { signUp } from "@/lib/accounts/sign-up";
import { readJson, route } from "@/lib/http/errors";

/** Sign up. The client then signs in through next-auth with the same credentials. */
export const POST = route(async (request: Request) => {
  const user = await signUp(getDb(), await readJson(request, 4 * 1024));
  return NextResponse.json({ user }, { status: 201 });
});
