// npm run new -- <kind> <id> [--lang sv|en]: writes data/<kind>/<id>.yaml from the schema, every
// field explained in Swedish. Refuses to overwrite an existing record.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { KINDS, type Kind } from "../src/core/vocabulary.js";
import { didYouMean } from "../src/model/suggest.js";
import { recordTemplate } from "../src/model/template.js";
import { absolute, readArguments } from "./cli.js";

const { values, positionals, tr } = readArguments(
  { data: { type: "string", default: process.env.UTBLICK_DATA ?? "data" } },
  "cli.new.usage",
  true,
  { kinds: KINDS.join(", ") },
);
const [kind, id] = positionals;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

if (!kind || !id) {
  console.error(tr("cli.usage", { usage: tr("cli.new.usage", { kinds: KINDS.join(", ") }) }));
  process.exit(2);
}
if (!(KINDS as readonly string[]).includes(kind)) {
  console.error(tr("cli.new.notAKind", { kind, suggestion: didYouMean(kind, KINDS, tr), kinds: KINDS.join(", ") }));
  process.exit(2);
}
if (!ID.test(id)) {
  console.error(tr("cli.new.badId", { id }));
  process.exit(2);
}
const path = join(absolute(values.data), kind, `${id}.yaml`);
// Shown as the editor would type it: relative when it is below the working directory.
const shown = relative(process.cwd(), path).startsWith("..") ? path : relative(process.cwd(), path);
if (existsSync(path)) {
  console.error(tr("cli.new.exists", { path: shown }));
  process.exit(1);
}
mkdirSync(join(path, ".."), { recursive: true });
writeFileSync(path, recordTemplate(kind as Kind));
console.log(tr("cli.new.created", { path: shown }));
