import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name: string; email: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    expired?: boolean;
    /** The account's sessionVersion when this session signed in (lib/auth/session-version.ts). */
    sv?: number;
  }
}
