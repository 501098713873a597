// What the command-line tools share: the editor's language (--lang, else LC_ALL/LC_MESSAGES/LANG),
// arguments read without a stack trace for a mistyped option, paths resolved against the
// directory the command was started from, and a failure told plainly: a file's with the file and
// what happened, a refused folder with the reason, anything else as an unexpected error.
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { DateTime } from "luxon";
import type { EditorLang } from "../src/core/languages.js";
import { FileError, RefusedFolderError, systemErrorOf } from "../src/core/safe-write.js";
import {
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

/**
 * Reads the arguments; a wrong one prints the reason and the usage and ends with code 2, and
 * `--help` (or `-h`) prints the usage and ends with code 0.
 */
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
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(tr("cli.usage", { usage: tr(usage, usageValues) }));
    process.exit(0);
  }
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

/** Where the command started: `npm run build` then works in the repository, for Eleventy. */
const STARTED_IN = process.cwd();

/** A path as the editor would type it: relative to where the command started when it is below it. */
export function shown(path: string): string {
  const below = relative(STARTED_IN, path);
  return below === "" || below.startsWith("..") || isAbsolute(below) ? path : below;
}

/** Why a folder was refused, as a sentence. */
export function refusalText(error: RefusedFolderError, tr: Translate): string {
  const { kind, folder, detail } = error.refusal;
  return tr(`cli.refused.${kind}`, { folder: shown(folder), detail });
}

/** The system's errors the catalogues describe in words; others are named by their code. */
const DESCRIBED = ["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EIO", "EEXIST", "ENOENT"] as const;
const described = (code: string): code is (typeof DESCRIBED)[number] => (DESCRIBED as readonly string[]).includes(code);

/**
 * A failure said plainly, with exit code 1: a refused folder with its reason; a file that could
 * not be written (a full disk, …) with the file and what happened; anything else as an unexpected
 * error.
 */
export function reportFailure(error: unknown, tr: Translate): void {
  if (error instanceof RefusedFolderError) {
    console.error(refusalText(error, tr));
    process.exitCode = 1;
    return;
  }
  const file = error instanceof FileError ? error : systemErrorOf(error);
  if (file?.path === undefined) {
    reportInternalError(error, tr);
    return;
  }
  const system = error instanceof FileError ? systemErrorOf(error.cause) : file;
  const what = described(file.code)
    ? tr(`cli.fileError.${file.code}`)
    : tr("cli.fileError.other", { code: file.code, detail: system?.message ?? "" });
  console.error(tr("cli.fileFailed", { path: shown(file.path), what }));
  if (process.env.UTBLICK_DEBUG && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
}

/** An error that is not about the data: said plainly, with the stack only when asked for. */
export function reportInternalError(error: unknown, tr: Translate): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(tr("cli.internalError", { detail }));
  if (process.env.UTBLICK_DEBUG && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
}
