import { defineConfig } from "vitest/config";

// Test kinds are visible in file names and can run apart: `vitest run --project unit`.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/**/*.unit.test.ts"], testTimeout: 30_000 } },
      { test: { name: "build", include: ["test/**/*.build.test.ts"], testTimeout: 180_000, hookTimeout: 300_000 } },
      {
        test: {
          name: "browser",
          include: ["test/**/*.browser.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
