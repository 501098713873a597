// npm run serve [-- --port N] [--host HOST] [--data DIR] [--today YYYY-MM-DD] [--lang sv|en]: the
// editor's preview. Every page is rendered from the data on disk when it is asked for; a save
// reloads the open page; data errors are shown in the browser with the validator's located messages.
import { startDevServer } from "../src/preview/server.js";
import { absolute, dayOf, readArguments, reportInternalError } from "./cli.js";

const { values, lang, tr } = readArguments(
  {
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
  "cli.serve.usage",
);

try {
  const server = await startDevServer({
    dataDir: absolute(values.data),
    today: dayOf(values.today, tr),
    port: Number(values.port),
    host: values.host,
    lang,
  });
  console.log(tr("cli.serve.open", { url: `${server.url}sv/` }));
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(tr("cli.serve.portInUse", { port: values.port }));
    process.exitCode = 1;
  } else reportInternalError(error, tr);
}
