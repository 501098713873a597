// npm run edit [-- --port N] [--data DIR] [--today YYYY-MM-DD] [--lang sv|en]: the web form and
// the preview with one command. The preview server answers the form's reads and saves itself,
// only for the form it serves and only inside the data folder. Open http://127.0.0.1:8080/admin/.
import { startDevServer } from "../src/preview/server.js";
import { absolute, dayOf, readArguments, reportInternalError } from "./cli.js";

const { values, lang, tr } = readArguments(
  {
    port: { type: "string", default: "8080" },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
  "cli.edit.usage",
);

try {
  const server = await startDevServer({
    dataDir: absolute(values.data),
    today: dayOf(values.today, tr),
    port: Number(values.port),
    editing: true,
    lang,
  });
  console.log(tr("cli.edit.open", { url: `${server.url}admin/` }));
  console.log(tr("cli.serve.open", { url: `${server.url}sv/` }));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(tr("cli.serve.portInUse", { port: values.port }));
    process.exitCode = 1;
  } else reportInternalError(error, tr);
}
