import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Options are built per request so env validation happens at run time, not at build time.
const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(authOptions())(request, context);

export { handler as GET, handler as POST };
