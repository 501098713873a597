// The CI pipelines cannot run here; what can be checked is that they run the README's commands,
// scripts that exist, and install what .ci/run installs.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const NPM_COMMAND = /\bnpm (ci|test|run [a-z][a-z:-]*)/g;
const npmCommands = (text: string): string[] => [...text.matchAll(NPM_COMMAND)].map((match) => `npm ${match[1]}`);
const APT_INSTALL = /apt-get install -y --no-install-recommends ([a-z0-9 .+-]+)/;
const aptPackages = (text: string): string[] => (APT_INSTALL.exec(text)?.[1] ?? "").trim().split(/\s+/).sort();

/** Every shell line of a GitHub workflow (steps' run) or a GitLab pipeline (scripts). */
function shellLines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(shellLines);
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === "run" && typeof value === "string") return [value];
    if (["script", "before_script", "after_script"].includes(key) && Array.isArray(value))
      return value.filter((line): line is string => typeof line === "string");
    return shellLines(value);
  });
}

const pipelines = [
  ...readdirSync(".github/workflows")
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => `.github/workflows/${file}`),
  ".gitlab-ci.yml",
].map((path) => ({ path, lines: shellLines(parse(readFileSync(path, "utf8"))).join("\n") }));

const readme = readFileSync("README.md", "utf8");
const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: object }).scripts);
const ciRun = readFileSync(".ci/run", "utf8");

describe("the CI pipelines", () => {
  it("are a GitHub workflow and a GitLab pipeline", () => {
    expect(pipelines.map((pipeline) => pipeline.path)).toEqual([".github/workflows/site.yml", ".gitlab-ci.yml"]);
  });

  it.each(pipelines)("$path installs, validates, tests and builds with the README's commands", ({ lines }) => {
    const used = npmCommands(lines);
    expect(used).toEqual(expect.arrayContaining(["npm ci", "npm run validate", "npm test", "npm run build"]));
    const documented = new Set(npmCommands(readme));
    expect(used.filter((command) => !documented.has(command))).toEqual([]);
  });

  it.each(pipelines)("$path runs only npm scripts that package.json has", ({ lines }) => {
    const run = npmCommands(lines)
      .filter((command) => command.startsWith("npm run "))
      .map((command) => command.slice("npm run ".length));
    expect(run.filter((script) => !scripts.includes(script))).toEqual([]);
  });

  it.each(pipelines)("$path installs the Debian packages that .ci/run installs", ({ lines }) => {
    expect(aptPackages(lines)).toEqual(aptPackages(ciRun));
    expect(aptPackages(ciRun)).toContain("nginx");
  });
});
