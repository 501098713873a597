// npm test's first step names the Debian packages to install when a program the tests drive is
// missing, instead of failing minutes later inside a browser or server test.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const check = (env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/check-machine.ts"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

describe("the machine check before the tests", () => {
  it("stops with the one install line when Chromium is missing", () => {
    const result = check({ CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "npm test needs chromium: sudo apt-get install -y chromium default-jre-headless nginx",
    );
  });

  it("names every missing program when none is on the PATH", () => {
    const result = check({ CHROMIUM_PATH: "/nonexistent/chromium", PATH: "/nonexistent" });
    expect(result.stderr).toContain("npm test needs chromium, java, nginx:");
  });
});
