// npm run edit [-- --port N] [--backend-port N] [--data DIR] [--today YYYY-MM-DD] [--lang sv|en]:
// the web form and the preview with one command. decap-server lets the form read and write the
// files in data/; the preview shows each saved change at once. Open http://127.0.0.1:8080/admin/.
import { basename, dirname } from "node:path";
import { startDevServer } from "../src/dev-server.js";
import { type LocalBackend, startLocalBackend } from "../src/local-backend.js";
import { absolute, dayOf, readArguments, reportInternalError } from "./cli.js";

const { values, lang, tr } = readArguments(
  {
    port: { type: "string", default: "8080" },
    "backend-port": { type: "string", default: "8081" },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
  "cli.edit.usage",
);

// The form writes paths inside a repository: the folder that holds the data folder.
const dataDir = absolute(values.data);
let backend: LocalBackend | undefined;
try {
  backend = await startLocalBackend(dirname(dataDir), Number(values["backend-port"]));
  const server = await startDevServer({
    dataDir,
    today: dayOf(values.today, tr),
    port: Number(values.port),
    admin: { backend: { name: "local", url: backend.url }, dataFolder: basename(dataDir) },
    lang,
  });
  console.log(tr("cli.edit.open", { url: `${server.url}admin/` }));
  console.log(tr("cli.serve.open", { url: `${server.url}sv/` }));
  const stop = async () => {
    await Promise.all([server.close(), backend?.close()]);
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  await backend?.close();
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(tr("cli.serve.portInUse", { port: values.port }));
    process.exitCode = 1;
  } else reportInternalError(error, tr);
}
