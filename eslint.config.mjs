/**
 * `npm run lint` (part of `npm test`): the Next.js and TypeScript rules, react-hooks, and the
 * architecture's boundaries (docs/decisions/024-lint-boundaries.md):
 *   app -> components -> lib; lib never imports components or app; components never import app;
 *   lib reaches exercises/ only through lib/grading/exercise-code.ts (the graders' door to the specs);
 *   no module that ships to a browser imports a reference solution, a wrong variant or a hint;
 *   a client component never imports a server-only module; exercise specs never import the tfjs
 *   runtime (the grader hands them the backend it runs on).
 */
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";
import { clientNoServerOnly } from "./scripts/lint/client-no-server-only.mjs";

/** Modules that run only on the server (each imports "server-only" or a database driver). */
const SERVER_ONLY = ["server-only", "@/i18n/server", "pg", "@prisma/*", "@electric-sql/*", "@/lib/db/*", "@/lib/auth/options", "@/lib/auth/session", "@/lib/content/loader", "@/lib/quiz/load", "@/lib/course/*"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "public/**", "coverage/**", "data/**", "next-env.d.ts", ".content-check/**"]),
  {
    // The same files as eslint-config-next's rules (its plugins are registered for these only).
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    plugins: { boundaries, academy: { rules: { "client-no-server-only": clientNoServerOnly } } },
    settings: {
      "import/resolver": { typescript: { project: "./tsconfig.json" } },
      "boundaries/include": ["app/**", "components/**", "lib/**", "exercises/**", "scripts/**", "tests/**", "bench/**"],
      "boundaries/elements": [
        { type: "answer", pattern: ["exercises/*/solution.ts", "exercises/*/wrong/**", "exercises/*/alternatives/**", "exercises/*/hints.md"], mode: "full" },
        { type: "spec", pattern: ["exercises/*/spec.ts", "exercises/*/test-params.ts"], mode: "full" },
        { type: "exercises", pattern: "exercises/**", mode: "full" },
        // The one lib module that imports exercises/ (their specs, for the graders): decision 038.
        { type: "exercise-code", pattern: "lib/grading/exercise-code.ts", mode: "full" },
        { type: "app", pattern: "app/**", mode: "full" },
        { type: "components", pattern: "components/**", mode: "full" },
        { type: "lib", pattern: "lib/**", mode: "full" },
        { type: "tooling", pattern: ["scripts/**", "tests/**", "bench/**"], mode: "full" },
      ],
    },
    rules: {
      "boundaries/dependencies": [
        2,
        {
          default: "allow",
          policies: [
            { from: { element: { type: "lib" } }, disallow: { to: { element: { types: { anyOf: ["components", "app"] } } } }, message: "lib/ is the bottom layer: it never imports components/ or app/." },
            { from: { element: { type: "components" } }, disallow: { to: { element: { type: "app" } } }, message: "components/ never imports app/ (app -> components -> lib)." },
            {
              from: { element: { type: "lib" } },
              disallow: { to: { element: { types: { anyOf: ["exercises", "spec"] } } } },
              message: "lib/ never imports exercises/: metadata comes from the course index (lib/course/course-index.ts), specs through lib/grading/exercise-code.ts.",
            },
            {
              from: { element: { types: { anyOf: ["app", "components", "lib", "exercises", "spec"] } } },
              disallow: { to: { element: { type: "answer" } } },
              message: "Reference solutions, wrong variants and hints never ship: only the solution endpoint reads them, from disk.",
            },
          ],
        },
      ],
      "academy/client-no-server-only": ["error", { modules: SERVER_ONLY }],
      // Every package imported is declared in package.json (no phantom dependencies).
      "import/no-extraneous-dependencies": ["error", { devDependencies: ["**/*.test.ts", "**/*.test.tsx", "tests/**", "bench/**", "scripts/**", "*.config.*", "types/**", "lib/content/check.ts"], includeTypes: false }],
      // The codebase's own conventions that the presets do not cover.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["exercises/*/spec.ts", "exercises/*/test-params.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@tensorflow/tfjs", message: "Specs get tf from the grader (the backend it runs on); import only types.", allowTypeImports: true }],
          patterns: [{ group: ["**/solution", "**/solution.ts", "**/wrong/**", "**/alternatives/**"], message: "A spec never imports the answer it checks." }],
        },
      ],
    },
  },
  {
    files: ["components/figures/**/*.ts", "components/figures/**/*.tsx"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@tensorflow/tfjs", message: "Figures load TensorFlow.js lazily (await import(...)) so lesson pages stay light.", allowTypeImports: true }],
          // Every figure's English in one chunk cost each figure ~8 KB gzip (decision 042).
          patterns: [{ regex: "/text/(en|zh)(\\.json|\\.ts)?$", allowTypeImports: true, message: "A figure imports only its own English (./text/en/<figure>.json); the Chinese comes from FigureTextProvider." }],
        },
      ],
    },
  },
  {
    // Browser state ships with every lesson page: no zod, no server schemas (they cost ~33 KB).
    files: ["lib/learner-state/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "zod", message: "lib/learner-state ships to every lesson page: keep zod out." }], patterns: [{ group: ["**/schemas", "**/attempt-input"], allowTypeImports: true, message: "Import the zod-free limits (lib/progress/merge-limits.ts) or only types." }] }],
    },
  },
  {
    files: ["lib/content/figures.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["react", "react-dom", "react/*", "*.tsx", "../*"], message: "The figure registry is plain data: the content check imports it in Node." }] }],
    },
  },
  {
    // A module past 300 lines of code has usually started doing a second job (issue #12 split
    // quiz-view, quiz-state, exercise-workspace and encoder-decoder-flow at 320-520 lines).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "scripts/**/*.{ts,mjs}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/generated/**"],
    rules: { "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Over the limit today, held where they are until they are split (decision 039): a ratchet, not a licence.
    files: ["lib/analytics/learner.ts", "lib/progress/summary.ts"],
    rules: { "max-lines": ["error", { max: 320, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Tests, benches and scripts grade the answers and reach into any layer.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/*.cjs", "tests/**", "bench/**", "scripts/**"],
    rules: { "boundaries/dependencies": "off", "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Starters and wrong variants keep the contract's parameter names even where they ignore them.
    files: ["exercises/*/starter.ts", "exercises/*/wrong/**", "exercises/*/alternatives/**"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  {
    // The React Compiler rules of react-hooks 7 flag patterns that work today (reading browser
    // storage after hydration in an effect, refs read for event handlers). They stay visible as
    // warnings until those components move to useSyncExternalStore (decision 024).
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      "react-hooks/set-state-in-effect": "warn",
      "react-hooks/refs": "warn",
      "react-hooks/purity": "warn",
      "react-hooks/immutability": "warn",
    },
  },
]);
