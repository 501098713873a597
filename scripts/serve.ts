// npm run serve: validates, then runs Eleventy's dev server, rebuilding when data/ changes.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { basePath } from "../src/core/routes.js";

// Pages name their addresses below the site's base path; the dev server serves them there.
const site = parse(readFileSync("data/site.yaml", "utf8")) as { base_url?: string };
const prefix = URL.canParse(site.base_url ?? "") ? basePath(site.base_url as string) : "/";

const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "node_modules/@11ty/eleventy/cmd.cjs",
    "--config=eleventy.config.ts",
    "--serve",
    `--pathprefix=${prefix}`,
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
  },
);
child.on("exit", (code) => process.exit(code ?? 0));
