// npm run serve [-- --port N] [--data DIR] [--today YYYY-MM-DD]: the editor's preview. Every page
// is rendered from the data on disk when it is asked for; a save reloads the open page; data
// errors are shown in the browser with the validator's located messages.
import { parseArgs } from "node:util";
import { startDevServer } from "../src/dev-server.js";
import { buildDay } from "../src/model/today.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
    data: { type: "string", default: "data" },
    today: { type: "string" },
  },
});

const server = await startDevServer({
  dataDir: values.data,
  today: buildDay(values.today),
  port: Number(values.port),
  host: values.host,
});
console.log(`Förhandsvisningen: ${server.url}sv/  (avsluta med Ctrl+C)`);
