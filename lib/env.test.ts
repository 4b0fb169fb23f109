import { describe, expect, it } from "@jest/globals";
import { EnvError, parseEnv } from "./env";

const SECRET = "x".repeat(40);

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("env", () => {
  it("accepts an empty development environment and fills defaults", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DB_POOL_SIZE).toBe(5);
    expect(env.EMBEDDED_DB_DIR).toBe("data/pglite");
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", NEXTAUTH_SECRET: "  ", GITHUB_ID: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://app:pw@db.internal:5432/academy" }).DATABASE_URL).toBe("postgresql://app:pw@db.internal:5432/academy");
  });

  it("rejects a malformed DATABASE_URL with a message that says what is expected", () => {
    expect(problems({ DATABASE_URL: "mysql://localhost/db" })).toEqual([expect.stringMatching(/^DATABASE_URL: DATABASE_URL must be a PostgreSQL connection URL/)]);
    expect(problems({ DATABASE_URL: "not a url" })).toHaveLength(1);
  });

  it("rejects the placeholder URL from the docs", () => {
    expect(problems({ DATABASE_URL: "postgresql://user:password@localhost:5432/db" })[0]).toMatch(/still the example placeholder/);
  });

  it("requires NEXTAUTH_SECRET in production, and a long one", () => {
    expect(problems({ NODE_ENV: "production" })[0]).toMatch(/NEXTAUTH_SECRET is required in production/);
    expect(problems({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })[0]).toMatch(/at least 32 characters/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://academy.example.org" }).NEXTAUTH_SECRET).toBe(SECRET);
  });

  it("requires the public URL in production (redirects are built from it), and reads TRUSTED_PROXIES", () => {
    expect(problems({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET })).toEqual([expect.stringMatching(/NEXTAUTH_URL is required in production/)]);
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toBe(1);
    expect(problems({ TRUSTED_PROXIES: "-1" })[0]).toMatch(/TRUSTED_PROXIES/);
  });

  it("wants both GitHub settings or neither", () => {
    expect(problems({ GITHUB_ID: "abc" })[0]).toMatch(/GITHUB_SECRET: Set both GITHUB_ID and GITHUB_SECRET/);
    expect(problems({ GITHUB_ID: "abc", GITHUB_SECRET: "def" })).toEqual([]);
  });

  it("rejects a pool size that is not a small positive integer", () => {
    expect(problems({ DB_POOL_SIZE: "0" })).toHaveLength(1);
    expect(parseEnv({ DB_POOL_SIZE: "12" }).DB_POOL_SIZE).toBe(12);
  });
});
