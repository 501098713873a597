import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest (20 to 60 s each on two cores), started first within their project
 * (Vitest starts the projects' files in the order of the projects' names: browser, build, unit).
 * Vitest orders files by the durations of earlier runs, which a clean clone (as in CI) does not
 * have; it would start the largest files first, and a long one started late runs alone at the end
 * while the other core waits. Keeping the projects apart matters too: the quick benchmark beside
 * the accessibility checks took 87 s instead of 48, and the suite 250 s instead of 205.
 */
const LONGEST_FILES = [
  "test/admin/admin.browser.test.ts",
  "test/quality/accessibility.browser.test.ts",
  "test/site/readers.browser.test.ts",
  "test/quality/hostile-overflow.browser.test.ts",
  "test/build/full-disk.build.test.ts",
  "test/bench/bench.build.test.ts",
  "test/build/output-safety.build.test.ts",
  "test/build/kill.build.test.ts",
  "test/quality/html-validity.build.test.ts",
  // The unit tests' one long file (15 processes, 15 s): started last, it would run alone at the end.
  "test/scripts/cli.unit.test.ts",
];
for (const file of LONGEST_FILES)
  if (!existsSync(new URL(file, import.meta.url)))
    throw new Error(`vitest.config.ts names ${file} among the longest test files, but it does not exist`);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FILES.findIndex((path) => file.moduleId.endsWith(`/${path}`));
      return index === -1 ? LONGEST_FILES.length : index;
    };
    const projects = (a: TestSpecification, b: TestSpecification) =>
      a.project.name < b.project.name ? -1 : a.project.name > b.project.name ? 1 : 0;
    return (await super.sort(files)).sort((a, b) => projects(a, b) || rank(a) - rank(b));
  }
}

// Test kinds are visible in file names and can run apart: `vitest run --project unit`.
// The sites that build and browser tests read are built once per run, before any test file starts
// (test/helpers/shared-sites.ts), so test files mostly read files and can run side by side.
export default defineConfig({
  test: {
    // The root config's globalSetup runs once for every project; it builds nothing when only unit
    // tests are selected.
    globalSetup: ["test/helpers/shared-sites.ts"],
    sequence: { sequencer: LongestFirst },
    // Vitest would use one worker fewer than the cores; test files spend much of their time waiting
    // on child processes (Java, Chromium, Pagefind), so every core gets one. (One more worker than
    // cores made no run quicker: the suite is bound by the processor.)
    maxWorkers: Math.max(2, availableParallelism()),
    // In every project (inline projects do not inherit the root's options), test files share their
    // worker's modules instead of importing src/ (Eleventy, ajv's compiled schemas, i18next) anew
    // each: no test file writes module state that another reads.
    projects: [
      // Generous timeouts: on a machine shared by many, a test may wait long for a core.
      { test: { name: "unit", include: ["test/**/*.unit.test.ts"], testTimeout: 30_000, isolate: false } },
      {
        test: {
          name: "build",
          include: ["test/**/*.build.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          isolate: false,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/**/*.browser.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          isolate: false,
        },
      },
    ],
  },
});
