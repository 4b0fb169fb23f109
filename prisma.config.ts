import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The Prisma CLI runs with its JavaScript schema engine and no native binary (none can be
// downloaded here). We use it for `prisma generate` and `prisma migrate diff` (creating
// migrations and checking drift); migrations are APPLIED by our own runner (lib/db/migrate.ts).
// See docs/decisions/002-database.md.
// A harmless value keeps the CLI from trying a download when DATABASE_URL is unset.
process.env.DATABASE_URL ??= "postgresql://prisma:prisma@127.0.0.1:5432/prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true }),
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
