import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { checkCredentials } from "./credentials";
import { clientIp } from "./rate-limit";
import { isRole } from "./permissions";
import { endSessions, isCurrentSession } from "./session-version";

function providers(): NextAuthOptions["providers"] {
  const env = getEnv();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        // Errors thrown here reach the sign-in form as their message (rate limit, bad password).
        const user = await checkCredentials(getDb(), credentials, clientIp(req.headers ?? {}));
        return user;
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  return list;
}

export function githubEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
}

export function authOptions(): NextAuthOptions {
  return {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: providers(),
    events: {
      // Sign-out ends the session for real: a copied cookie stops working too (and so do the
      // account's other sessions; decision 022).
      async signOut({ token }) {
        if (token?.sub && !token.expired) await endSessions(getDb(), token.sub);
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "github") return true;
        // OAuth: find the linked account, else link by a verified email, else create a learner.
        const db = getDb();
        const linked = await db.account.findUnique({
          where: { provider_providerAccountId: { provider: "github", providerAccountId: account.providerAccountId } },
        });
        if (linked) {
          user.id = linked.userId;
          return true;
        }
        const email = (profile?.email ?? user.email)?.toLowerCase();
        if (!email) return "/sign-in?error=GitHubNoEmail";
        const existing = await db.user.upsert({
          where: { email },
          update: {},
          create: { email, name: user.name || email.split("@")[0], image: user.image },
        });
        await db.account.create({
          data: { userId: existing.id, type: account.type, provider: "github", providerAccountId: account.providerAccountId },
        });
        user.id = existing.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        if (!token.sub) return token;
        // Re-read role and name so an admin's role change or an account deletion applies at once,
        // and the session version so a signed-out (or re-roled) session ends at once.
        const current = await getDb().user.findUnique({ where: { id: token.sub }, select: { role: true, name: true, email: true, sessionVersion: true } });
        if (!current) return { expired: true };
        if (user) token.sv = current.sessionVersion;
        else if (!isCurrentSession(token, current.sessionVersion)) return { expired: true };
        token.role = current.role;
        token.name = current.name;
        token.email = current.email;
        return token;
      },
      async session({ session, token }) {
        if (!token.sub || token.expired || !isRole(token.role)) return { ...session, user: undefined };
        session.user = { id: token.sub, name: token.name ?? "", email: token.email ?? "", role: token.role };
        return session;
      },
    },
  };
}
