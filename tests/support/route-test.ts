/**
 * For test files that call the app's route handlers as Next calls them, against a real database
 * (PGlite locally, PostgreSQL in CI), with who is asking (the session) the only thing replaced:
 * the app's own requireUser / requirePermission run on top of it.
 *
 * The jest.mock calls stay in each test file (Jest hoists them above its imports); their factories
 * hand back the doubles kept here:
 *
 *   jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
 *   jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);
 *
 * (`jest.requireActual` returns this module's one loaded copy, the one the test file imports.)
 * Then `setUpRouteTest` starts the file's database, points the database double at it and loads
 * the route modules; tests sign in by setting `session.user`.
 */
import { beforeAll, beforeEach } from "@jest/globals";
import type { SessionUser } from "@/lib/auth/session";
import { setUpTestDatabase, type TestDatabase } from "./test-db";

export type RouteTest = typeof import("./route-test");

/** Who is asking: `null` is an anonymous visitor. Every test starts signed out. */
export const session: { user: SessionUser | null } = { user: null };

let database: unknown = null;

/** Stands in for next-auth: its `getServerSession` answers with `session.user`. */
export const nextAuthDouble = { getServerSession: async () => (session.user ? { user: session.user } : null) };

/** Stands in for @/lib/db/client: `getDb` is the test file's database. */
export const dbClientDouble = { getDb: () => database };

/**
 * Call at the top level of the test file, after its jest.mock calls: starts a fresh database before
 * the first test (stopped after the last), then loads the route modules (`load`, with dynamic imports,
 * so they see the mocks), and signs out before each test. `routes` holds what `load` returned, once
 * loaded: read it inside tests and hooks. Hooks the file registers afterwards run after all of this.
 */
export function setUpRouteTest<Routes extends object>(load: () => Promise<Routes>, poolSize = 5): { t: TestDatabase; routes: Routes } {
  const t = setUpTestDatabase(poolSize);
  const routes = {} as Routes;
  beforeAll(async () => {
    database = t.db;
    Object.assign(routes, await load());
  }, 120_000);
  beforeEach(() => {
    session.user = null;
  });
  return { t, routes };
}
