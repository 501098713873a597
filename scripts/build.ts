// npm run build [-- --strict] [--data DIR] [--out DIR] [--today YYYY-MM-DD]
import { parseArgs } from "node:util";
import { build } from "../src/build.js";
import { buildDay } from "../src/model/today.js";

const { values } = parseArgs({
  options: {
    strict: { type: "boolean", default: false },
    data: { type: "string", default: "data" },
    out: { type: "string", default: "_site" },
    today: { type: "string" },
  },
});

const started = performance.now();
try {
  const result = await build({
    dataDir: values.data,
    outputDir: values.out,
    today: buildDay(values.today ?? process.env.UTBLICK_TODAY),
    strict: values.strict,
  });
  if (result.ok) console.log(`Built ${values.out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.error(`The build failed; ${values.out}/ is unchanged.`);
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
