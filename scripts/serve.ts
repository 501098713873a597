// npm run serve: validates, then runs Eleventy's dev server, rebuilding when data/ changes.
import { spawn } from "node:child_process";

const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "node_modules/@11ty/eleventy/cmd.cjs",
    "--config=eleventy.config.ts",
    "--serve",
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
  },
);
child.on("exit", (code) => process.exit(code ?? 0));
