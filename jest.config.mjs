// Unit and integration tests (Node). End-to-end tests have their own config: jest.e2e.config.mjs.
const swc = [
  "@swc/jest",
  {
    jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" },
    module: { type: "commonjs" },
  },
];

const config = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1", "^server-only$": "<rootDir>/tests/support/empty-module.js" },
  testMatch: ["<rootDir>/**/*.test.ts", "<rootDir>/**/*.test.tsx"],
  // next-intl and its helpers ship ES modules only: compile them like our own code.
  transformIgnorePatterns: ["/node_modules/(?!(next-intl|use-intl|@formatjs|icu-minify|intl-messageformat)/)"],
  testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/", "/.next/", "<rootDir>/data/"],
  setupFiles: ["<rootDir>/tests/support/quiet-tfjs.js"],
  // Generous: a test file that starts its own database process can take a while on a busy 2-core machine.
  testTimeout: 90000,
};
export default config;
