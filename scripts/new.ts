// npm run new -- <kind> <id> [--lang sv|en]: writes data/<kind>/<id>.yaml from the schema, every
// field explained in Swedish. Refuses to overwrite an existing record, to write through a link, or
// to write into a folder that leads out of the data folder; the record is written whole or not at all.
import { lstatSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { usePublicationLanguages } from "../src/core/languages.js";
import { FileError, RefusedFolderError, writeFileAtomic } from "../src/core/safe-write.js";
import { KINDS, type Kind } from "../src/core/vocabulary.js";
import { siteLanguagesOf } from "../src/model/site-languages.js";
import { didYouMean } from "../src/model/suggest.js";
import { recordTemplate } from "../src/model/template.js";
import { absolute, readArguments, refusalText, reportFailure, shown } from "./cli.js";

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
const dataDir = absolute(values.data);
// A text's languages in the template are the site's, its source language first.
usePublicationLanguages(siteLanguagesOf(dataDir));
const path = join(dataDir, kind, `${id}.yaml`);
// lstat: a link is seen as a link, even one that leads nowhere. Another failure (a file where a
// folder should be) is told by the write below, with its file.
const existing = (() => {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
})();
if (existing?.isSymbolicLink()) {
  console.error(tr("cli.new.link", { path: shown(path), target: readlinkSync(path) }));
  process.exit(1);
}
if (existing) {
  console.error(tr("cli.new.exists", { path: shown(path) }));
  process.exit(1);
}
try {
  // Exclusive: a record, or a link, that appears meanwhile is never replaced.
  writeFileAtomic(path, recordTemplate(kind as Kind), { exclusive: true, within: dataDir });
  console.log(tr("cli.new.created", { path: shown(path) }));
} catch (error) {
  if (error instanceof FileError && error.code === "EEXIST") console.error(tr("cli.new.exists", { path: shown(path) }));
  else if (error instanceof RefusedFolderError)
    console.error(tr("cli.new.refused", { reason: refusalText(error, tr) }));
  else reportFailure(error, tr);
  process.exitCode = 1;
}
