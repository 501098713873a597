// npm test's first step: the system programs the tests drive, present before anything starts. On
// a fresh machine without them the suite would otherwise fail minutes later, deep inside a browser
// or server test; this says in one line what to install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Each program the tests start, how to find it, and the Debian package that brings it. */
const PROGRAMS = [
  {
    name: "chromium",
    present: () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
    package: "chromium",
  },
  { name: "java", present: () => runs("java", "-version"), package: "default-jre-headless" },
  { name: "nginx", present: () => runs("nginx", "-v"), package: "nginx" },
] as const;

function runs(command: string, flag: string): boolean {
  return spawnSync(command, [flag], { stdio: "ignore" }).error === undefined;
}

const missing = PROGRAMS.filter((program) => !program.present());
if (missing.length > 0) {
  console.error(
    `npm test needs ${missing.map((program) => program.name).join(", ")}: ` +
      `sudo apt-get install -y ${PROGRAMS.map((program) => program.package).join(" ")}`,
  );
  process.exitCode = 1;
}
