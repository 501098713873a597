// npm run edit [-- --port N] [--backend-port N] [--data DIR]: the web form and the preview with one
// command. decap-server lets the form read and write the files in data/; the preview shows each
// saved change at once. Open http://127.0.0.1:8080/admin/.
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startDevServer } from "../src/dev-server.js";
import { startLocalBackend } from "../src/local-backend.js";
import { buildDay } from "../src/model/today.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    "backend-port": { type: "string", default: "8081" },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
});

// The form writes paths inside a repository: the folder that holds the data folder.
const dataDir = resolve(values.data);
const backend = await startLocalBackend(dirname(dataDir), Number(values["backend-port"]));
const server = await startDevServer({
  dataDir,
  today: buildDay(values.today),
  port: Number(values.port),
  admin: { backend: { name: "local", url: backend.url }, dataFolder: basename(dataDir) },
});
console.log(`Redigera: ${server.url}admin/`);
console.log(`Förhandsvisningen: ${server.url}sv/  (avsluta med Ctrl+C)`);
const stop = async () => {
  await Promise.all([server.close(), backend.close()]);
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
