// End-to-end tests: real Chromium (Debian's, via playwright-core) against the real site.
import base from "./jest.config.mjs";

const config = {
  ...base,
  testMatch: ["<rootDir>/tests/e2e/**/*.e2e.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: "<rootDir>/tests/e2e/support/global-setup.ts",
  globalTeardown: "<rootDir>/tests/e2e/support/global-teardown.ts",
  testTimeout: 120000,
  maxWorkers: 1,
};
export default config;
