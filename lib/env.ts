/**
 * The one validated view of the environment. Import `env` (server code only) instead of reading
 * process.env. Empty strings count as unset. Validation runs on first use, so a bad value is a
 * clear start-up error rather than a mysterious failure later.
 */
import { z } from "zod";

const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());

const PLACEHOLDER_URLS = new Set([
  "postgresql://user:password@localhost:5432/db",
  "postgresql://USER:PASSWORD@HOST:PORT/DATABASE",
  "postgres://user:password@host:5432/database",
]);

const databaseUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "DATABASE_URL must be a PostgreSQL connection URL such as postgresql://user:pass@host:5432/dbname",
  })
  .refine((value) => !PLACEHOLDER_URLS.has(value), {
    message: "DATABASE_URL is still the example placeholder: point it at your PostgreSQL server, or unset it to use the embedded database",
  });

const envShape = z.object({
  NODE_ENV: z.preprocess(emptyAsUnset, z.enum(["development", "production", "test"]).default("development")),
  DATABASE_URL: optional(databaseUrl),
  DB_POOL_SIZE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(100).default(5)),
  NEXTAUTH_SECRET: optional(z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)")),
  NEXTAUTH_URL: optional(z.url("NEXTAUTH_URL must be a full URL such as https://academy.example.org")),
  GITHUB_ID: optional(z.string()),
  GITHUB_SECRET: optional(z.string()),
  EMBEDDED_DB_DIR: z.preprocess(emptyAsUnset, z.string().default("data/pglite")),
  /** How many reverse proxies in front of the site append to X-Forwarded-For (scripts/serve.ts). */
  TRUSTED_PROXIES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(10).default(0)),
  /** Sign-in and sign-out posts processed at once; the rest wait their turn (app/api/auth). */
  SIGN_IN_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(256).default(2)),
  /** Exercise verification workers `npm run dev` / `npm start` start beside the site (0 when `npm run worker` runs elsewhere). */
  VERIFY_WORKERS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0, "VERIFY_WORKERS must be 0 or more").max(16).default(1)),
});

export const envSchema = envShape.superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["NEXTAUTH_SECRET"],
      message: "NEXTAUTH_SECRET is required in production (generate one with: openssl rand -base64 32)",
    });
  }
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_URL) {
    // Without it next-auth builds its redirects and callback URLs for http://localhost:3000.
    ctx.addIssue({
      code: "custom",
      path: ["NEXTAUTH_URL"],
      message: "NEXTAUTH_URL is required in production: the public URL of the site, such as https://academy.example.org",
    });
  }
  if (Boolean(env.GITHUB_ID) !== Boolean(env.GITHUB_SECRET)) {
    ctx.addIssue({
      code: "custom",
      path: [env.GITHUB_ID ? "GITHUB_SECRET" : "GITHUB_ID"],
      message: "Set both GITHUB_ID and GITHUB_SECRET to enable GitHub sign-in, or neither",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Only the database settings, for command-line tools that need nothing else (no secret, no URL). */
export const databaseEnvSchema = envShape.pick({ DATABASE_URL: true, EMBEDDED_DB_DIR: true });

export function parseDatabaseEnv(source: Record<string, string | undefined>) {
  const result = databaseEnvSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`));
  return result.data;
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
