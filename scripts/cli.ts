// What the command-line tools share: the editor's language (--lang, else LC_ALL/LC_MESSAGES/LANG),
// arguments read without a stack trace for a mistyped option, paths resolved against the
// directory the command was started from, and an unexpected error told plainly.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { DateTime } from "luxon";
import {
  type EditorLang,
  editorLanguage,
  isEditorLang,
  type MessageKey,
  type MessageValues,
  messages,
  type Translate,
} from "../src/model/messages.js";
import { buildDay } from "../src/model/today.js";

/** The repository: Eleventy reads its templates relative to it. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface Cli<Values> {
  readonly values: Values;
  readonly positionals: string[];
  readonly lang: EditorLang;
  readonly tr: Translate;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Reads the arguments; a wrong one prints the reason and the usage and ends with code 2. */
export function readArguments<const O extends Options>(
  options: O,
  usage: MessageKey,
  allowPositionals = false,
  usageValues: MessageValues = {},
) {
  const withLang = { ...options, lang: { type: "string" } } as const;
  // The language is needed before the other arguments can be explained.
  const langIndex = process.argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const flag =
    langIndex < 0
      ? undefined
      : process.argv[langIndex]?.includes("=")
        ? process.argv[langIndex]?.split("=")[1]
        : process.argv[langIndex + 1];
  const lang = editorLanguage(flag, process.env);
  const tr = messages(lang);
  const fail = (detail: string): never => {
    console.error(tr("cli.badArguments", { detail, usage: tr(usage, usageValues) }));
    process.exit(2);
  };
  if (flag !== undefined && !isEditorLang(flag.trim().toLowerCase().slice(0, 2)))
    fail(tr("cli.badLang", { value: flag }));
  try {
    const parsed = parseArgs({ options: withLang, allowPositionals, strict: true });
    return { values: parsed.values, positionals: parsed.positionals, lang, tr };
  } catch (error) {
    const option = /'([^']+)'/.exec(error instanceof Error ? error.message : "")?.[1] ?? "";
    return fail(tr("cli.unknownOption", { option }));
  }
}

/** The day from --today (else UTBLICK_TODAY, else the clock's), or a plain message and code 2. */
export function dayOf(flag: string | undefined, tr: Translate): DateTime {
  const text = flag ?? process.env.UTBLICK_TODAY;
  try {
    return buildDay(text);
  } catch {
    console.error(tr("cli.badDay", { value: text ?? "" }));
    process.exit(2);
  }
}

/** A path given on the command line, made absolute against the directory the command started in. */
export function absolute(path: string): string {
  return resolve(path);
}

/** An error that is not about the data: said plainly, with the stack only when asked for. */
export function reportInternalError(error: unknown, tr: Translate): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(tr("cli.internalError", { detail }));
  if (process.env.UTBLICK_DEBUG && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
}
