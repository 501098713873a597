// npm run new -- <kind> <id>: writes data/<kind>/<id>.yaml from the schema, every field
// explained in Swedish. Refuses to overwrite an existing record.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { KINDS, type Kind } from "../src/core/vocabulary.js";
import { didYouMean } from "../src/model/suggest.js";
import { recordTemplate } from "../src/model/template.js";

const [kind, id] = process.argv.slice(2);
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

if (!kind || !id) {
  console.error(
    `Användning: npm run new -- <typ> <id>\nTyper: ${KINDS.join(", ")}\nExempel: npm run new -- projects nytt-projekt`,
  );
  process.exit(2);
}
if (!(KINDS as readonly string[]).includes(kind)) {
  console.error(`"${kind}" är ingen typ av post${didYouMean(kind, KINDS)}. Typer: ${KINDS.join(", ")}`);
  process.exit(2);
}
if (!ID.test(id)) {
  console.error(
    `"${id}" kan inte vara ett id: använd små bokstäver a-z, siffror och bindestreck, till exempel "nytt-projekt".`,
  );
  process.exit(2);
}
const path = join(process.env.UTBLICK_DATA ?? "data", kind, `${id}.yaml`);
if (existsSync(path)) {
  console.error(`${path} finns redan; välj ett annat id eller redigera filen.`);
  process.exit(1);
}
mkdirSync(join(path, ".."), { recursive: true });
writeFileSync(path, recordTemplate(kind as Kind));
console.log(`Skapade ${path}. Fyll i den och kör npm run validate.`);
