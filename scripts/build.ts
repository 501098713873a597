// npm run build [-- --strict] [--data DIR] [--out DIR] [--today YYYY-MM-DD] [--lang sv|en]
//   [--deploy DIR] [--server-root PATH] [--listen ADDRESS]: where the nginx configuration is
//   written (beside the site), the server's directory that holds the site's base path, and what the
//   whole-server form listens on.
// Works from any directory: paths are taken from where the command starts, templates from the
// repository.
import { build } from "../src/build/build.js";
import { BuildLockedError } from "../src/build/publish.js";
import { RefusedFolderError } from "../src/core/safe-write.js";
import { absolute, dayOf, PROJECT_ROOT, readArguments, refusalText, reportFailure } from "./cli.js";

const { values, lang, tr } = readArguments(
  {
    strict: { type: "boolean", default: false },
    data: { type: "string", default: "data" },
    out: { type: "string", default: "_site" },
    today: { type: "string" },
    deploy: { type: "string", default: "_deploy" },
    "server-root": { type: "string", default: "/var/www/utblick" },
    listen: { type: "string", default: "80" },
  },
  "cli.build.usage",
);

const dataDir = absolute(values.data);
const outputDir = absolute(values.out);
const today = dayOf(values.today, tr);
// Eleventy finds the templates relative to the working directory.
process.chdir(PROJECT_ROOT);
const started = performance.now();
try {
  const result = await build({
    dataDir,
    outputDir,
    today,
    strict: values.strict,
    lang,
    serverConfig: { dir: absolute(values.deploy), root: values["server-root"], listen: values.listen },
  });
  if (result.ok)
    console.log(tr("cli.build.built", { out: values.out, seconds: ((performance.now() - started) / 1000).toFixed(1) }));
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  if (error instanceof BuildLockedError) {
    // The message says that this build changed nothing and why. EX_TEMPFAIL: the same command can
    // be run again later.
    console.error(error.message);
    process.exit(75);
  }
  if (error instanceof RefusedFolderError) {
    // Checked before anything is written, and again just before the site is switched.
    console.error(tr("cli.build.refused", { reason: refusalText(error, tr) }));
    process.exitCode = 1;
  } else {
    // Everything that throws does so before the one step that publishes: the old site is intact,
    // and the build has removed its staging folder and its lock.
    console.error(tr("cli.build.failed", { out: values.out }));
    reportFailure(error, tr);
  }
}
