// npm run build [-- --strict] [--data DIR] [--out DIR] [--today YYYY-MM-DD]
//   [--deploy DIR] [--server-root PATH] [--listen ADDRESS]: where the nginx configuration is
//   written (beside the site), the server's directory that holds the site's base path, and what the
//   whole-server form listens on.
import { parseArgs } from "node:util";
import { build } from "../src/build.js";
import { buildDay } from "../src/model/today.js";

const { values } = parseArgs({
  options: {
    strict: { type: "boolean", default: false },
    data: { type: "string", default: "data" },
    out: { type: "string", default: "_site" },
    today: { type: "string" },
    deploy: { type: "string", default: "_deploy" },
    "server-root": { type: "string", default: "/var/www/utblick" },
    listen: { type: "string", default: "80" },
  },
});

const started = performance.now();
try {
  const result = await build({
    dataDir: values.data,
    outputDir: values.out,
    today: buildDay(values.today ?? process.env.UTBLICK_TODAY),
    strict: values.strict,
    serverConfig: { dir: values.deploy, root: values["server-root"], listen: values.listen },
  });
  if (result.ok) console.log(`Built ${values.out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.error(`The build failed; ${values.out}/ is unchanged.`);
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
