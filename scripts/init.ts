// npm run init -- DIR --name NAME --languages sv,en,fi [--source-language sv] [--base-url URL]
//   [--contact-email ADDRESS] [--organisation-number NNNNNN-NNNN] [--kind municipality]
// Writes the data directory of a new publication that validates and builds at once. In a terminal
// it asks for what is missing; elsewhere (a pipeline, a script) it names what is missing and stops.
// The directory is written whole or not at all, and never over an existing one with files in it.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline/promises";
import { newPublicationFiles } from "../src/build/new-publication.js";
import { availableLanguages } from "../src/core/languages.js";
import { reportLines } from "../src/model/report.js";
import { buildDay } from "../src/model/today.js";
import { validateDataDirectory } from "../src/model/validate.js";
import { absolute, readArguments, reportFailure, shown } from "./cli.js";

const { values, positionals, tr, lang } = readArguments(
  {
    name: { type: "string" },
    languages: { type: "string" },
    "source-language": { type: "string" },
    "base-url": { type: "string" },
    "contact-email": { type: "string" },
    "organisation-number": { type: "string" },
    kind: { type: "string", default: "municipality" },
  },
  "cli.init.usage",
  true,
  { languages: availableLanguages().join(", ") },
);

const [target] = positionals;
if (!target) {
  console.error(tr("cli.usage", { usage: tr("cli.init.usage", { languages: availableLanguages().join(", ") }) }));
  process.exit(2);
}
const dir = absolute(target);
// A new folder, or an empty one; never a file or a link, and only inside a folder that exists.
const existing = lstatSync(dir, { throwIfNoEntry: false });
if (existing && (!existing.isDirectory() || existing.isSymbolicLink())) {
  console.error(tr("cli.init.notAFolder", { dir: shown(dir) }));
  process.exit(1);
}
if (existing && readdirSync(dir).length > 0) {
  console.error(tr("cli.init.notEmpty", { dir: shown(dir) }));
  process.exit(1);
}
if (!lstatSync(dirname(dir), { throwIfNoEntry: false })?.isDirectory()) {
  console.error(tr("cli.init.noParent", { dir: shown(dirname(dir)) }));
  process.exit(1);
}

type Asked = "name" | "languages" | "base-url" | "contact-email";
const ASKED: readonly Asked[] = ["name", "languages", "base-url", "contact-email"];
const answers: Partial<Record<Asked, string>> = Object.fromEntries(
  ASKED.flatMap((option) => (values[option] === undefined ? [] : [[option, values[option]]])),
);
const missing = ASKED.filter((option) => !answers[option]?.trim());
if (missing.length > 0) {
  if (!process.stdin.isTTY) {
    console.error(tr("cli.init.missing", { options: missing.map((option) => `--${option}`).join(", ") }));
    process.exit(2);
  }
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  for (const option of missing) answers[option] = (await terminal.question(`${tr(`cli.init.ask.${option}`)} `)).trim();
  terminal.close();
}

// A name is one line: a title, a file's heading, a CSV cell.
if (/[\p{Cc}\u2028\u2029]/u.test(answers.name ?? "")) {
  console.error(tr("cli.init.nameOneLine"));
  process.exit(2);
}

const languages = (answers.languages ?? "")
  .split(",")
  .map((code) => code.trim())
  .filter(Boolean);
const unknown = languages.filter((code) => !availableLanguages().includes(code));
if (languages.length === 0 || unknown.length > 0) {
  const codes = unknown.join(", ") || "–";
  console.error(tr("cli.init.badLanguages", { codes, available: availableLanguages().join(", ") }));
  process.exit(2);
}
const source = values["source-language"] ?? languages[0]!;
if (!languages.includes(source)) {
  console.error(tr("cli.init.sourceNotListed", { source, languages: languages.join(", ") }));
  process.exit(2);
}

const files = newPublicationFiles({
  name: answers.name ?? "",
  languages: [source, ...languages.filter((code) => code !== source)],
  baseUrl: answers["base-url"] ?? "",
  contactEmail: answers["contact-email"] ?? "",
  kind: values.kind,
  ...(values["organisation-number"] ? { organisationNumber: values["organisation-number"] } : {}),
});

// Written beside the target and checked with the validator before it takes the target's name:
// a mistyped address or organisation number leaves nothing behind but the message.
const staging = join(dirname(dir), `.init-staging-${process.pid}`);
try {
  for (const file of files) {
    const path = join(staging, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text, { flag: "wx" });
  }
  const result = validateDataDirectory(staging, { today: buildDay(), displayRoot: dirname(staging), lang });
  const errors = result.problems.filter((problem) => problem.severity !== "warning");
  if (errors.length > 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(tr("cli.init.invalid"));
    for (const line of reportLines(result)) console.error(line.replace(`.init-staging-${process.pid}`, target));
    process.exit(1);
  }
  if (existsSync(dir)) rmdirSync(dir);
  renameSync(staging, dir);
  console.log(tr("cli.init.created", { dir: shown(dir), files: files.length }));
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  reportFailure(error, tr);
}
