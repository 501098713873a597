// The admin page's own script (bundled for the browser by src/admin/plugin.ts). It teaches Decap
// CMS to write each kind's files as src/admin/yaml.ts does (changing only the lines of the fields
// that changed), names a new record's file after its name in any script, has the record checked
// by the project's validator before a save and shows what it says beside the fields, then starts
// Decap with the configuration generated from the schemas (config.json). With `npm run edit` the
// local API checks the save on a copy of the data folder; on a git host the same validator,
// bundled for the browser (validator.ts, loaded on the first save), checks it in the page against
// the records the site was built from (records.json).
import decapSwedish from "decap-cms-locales/dist/esm/sv/index.js";
import ourSwedish from "../../locales/admin/sv.json" with { type: "json" };
import { recordIdOr } from "../core/ids.js";
import { DEFAULT_EDITOR_LANG } from "../core/languages.js";
import { fieldName, type NamedField, namedSteps } from "./field-names.js";
import { refusal, withOurs } from "./form-texts.js";
import { type KeyOrder, NEW_ID_FIELD, readRecordYaml, recordYaml, updatedRecordYaml } from "./yaml.js";

interface Formatter {
  fromFile(content: string): unknown;
  toFile(data: unknown): string;
}

/** The part of an Immutable.js Map that the handlers use (Decap's entries are Immutable). */
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: readonly string[]): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): unknown;
}

declare const CMS: {
  registerLocale(name: string, phrases: object): void;
  registerCustomFormat(name: string, extension: string, formatter: Formatter): void;
  registerEventListener(listener: { name: "preSave"; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  init(options: { config: unknown }): void;
};

interface Collection {
  readonly name: string;
  readonly format: string;
  readonly identifier_field?: string;
  readonly folder?: string;
  readonly fields?: readonly NamedField[];
  readonly files?: readonly { readonly file: string; readonly fields: readonly NamedField[] }[];
}

interface AdminSetup {
  readonly config: { readonly collections: readonly Collection[]; readonly local_backend?: { readonly url: string } };
  readonly formats: readonly { readonly name: string; readonly order: KeyOrder }[];
}

/** A problem the validator finds in the record on screen, as the local backend or validator.ts reports it. */
interface Problem {
  readonly severity: "error" | "warning";
  /** The file it is in, when the check names it: the record's own, or another one the save would break. */
  readonly file?: string;
  readonly field: string;
  readonly message: string;
}

/** validator.ts, as browser.ts uses it; loaded by its address, beside this script. */
interface InPageValidator {
  checkRecord(path: string, raw: string, snapshot: URL): Promise<Problem[]>;
}

const texts = ourSwedish.utblick;

// Decap's Swedish leaves some of its own texts in English ("Add …") and words others for a blog:
// the form is Swedish throughout, in its own words.
CMS.registerLocale(DEFAULT_EDITOR_LANG, withOurs(decapSwedish, ourSwedish));

const response = await fetch(new URL("config.json", document.baseURI));
const setup = (await response.json()) as AdminSetup;
const orders = new Map(setup.formats.map(({ name, order }) => [name, order]));

/**
 * The file as it was when the record being saved was loaded: Decap asks the format to write a
 * record right after the preSave event, which knows the file, while the format is given only the
 * values. With it, a save changes only the lines of the fields that changed, on every backend.
 */
let fileBeingSaved = "";
for (const { name, order } of setup.formats)
  CMS.registerCustomFormat(name, "yaml", {
    fromFile: readRecordYaml,
    toFile: (data) => {
      const original = fileBeingSaved;
      fileBeingSaved = "";
      return original ? updatedRecordYaml(original, data, order) : recordYaml(data, order);
    },
  });

let inPage: Promise<InPageValidator> | undefined;

/** The validator in the page, loaded once; again after a failed load. */
function inPageValidator(): Promise<InPageValidator> {
  inPage ??= (import(new URL("utblick-validator.js", document.baseURI).href) as Promise<InPageValidator>).catch(
    (error: unknown) => {
      inPage = undefined;
      throw error;
    },
  );
  return inPage;
}

/** The problems the validator would report if the record were saved as `raw` at `path`. */
async function checked(path: string, raw: string): Promise<Problem[]> {
  const url = setup.config.local_backend?.url;
  if (!url) {
    try {
      const validator = await inPageValidator();
      return await validator.checkRecord(path, raw, new URL("records.json", document.baseURI));
    } catch (error) {
      throw refusal(texts.checkFailed.replace("{{detail}}", error instanceof Error ? error.message : String(error)));
    }
  }
  const answer = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action: "checkEntry", params: { path, raw } }),
  });
  const body = (await answer.json()) as { problems?: Problem[]; error?: string };
  if (!answer.ok) throw refusal(texts.checkFailed.replace("{{detail}}", body.error ?? String(answer.status)));
  return body.problems ?? [];
}

/** The form's fields of the record at `path` (a file of a folder collection, or one of a files collection). */
function fieldsAt(path: string): readonly NamedField[] {
  for (const collection of setup.config.collections) {
    if (collection.folder && path.startsWith(`${collection.folder}/`)) return collection.fields ?? [];
    const file = collection.files?.find((candidate) => candidate.file === path);
    if (file) return file.fields;
  }
  return [];
}

/** A problem's message in an element of its own, after `name` if given; the page's text, never markup. */
function note(problem: Problem, { name, inList }: { name?: string; inList: boolean }): HTMLElement {
  const element = document.createElement(inList ? "li" : "p");
  element.className = `utblick-problem utblick-${problem.severity}`;
  element.textContent = name ? `${name}: ${problem.message}` : problem.message;
  return element;
}

const inOther = (path: string, problem: Problem): boolean => problem.file !== undefined && problem.file !== path;

const CONTROL = '[class*="-ControlContainer"]';

/** The controls of the fields `name` directly inside `outer` (the whole form when null), not those nested deeper. */
function controlsIn(outer: Element | null, name: string): Element[] {
  return [...(outer ?? document).querySelectorAll(`label[for^="${CSS.escape(name)}-field-"]`)]
    .map((label) => label.closest(CONTROL))
    .filter((control): control is Element => control !== null)
    .filter((control) => (control.parentElement?.closest(CONTROL) ?? null) === outer);
}

/**
 * Where the form shows a field: the control of the field itself ("identifiers[0].scheme" is the
 * Systemet field of the first identifier), or of the nearest field around it that the form has. A row
 * of a list has no control of its own: its field is the row's among the list's fields of that name,
 * which Decap shows in the rows' order (a folded row's too). `whole` says whether it is the field itself.
 */
function placeOf(fields: readonly NamedField[], field: string): { control: Element | null; whole: boolean } {
  const { named, rest } = namedSteps(fields, field);
  let control: Element | null = null;
  let row: number | undefined;
  for (const step of named) {
    const found: Element | undefined = controlsIn(control, step.name)[row ?? 0];
    if (!found) return { control, whole: false };
    control = found;
    row = step.index;
  }
  return { control, whole: row === undefined && rest.length === 0 };
}

/** A problem in another record than the one on screen: named by its file, in the list only. */
function elsewhere(problem: Problem): HTMLElement {
  const name = fieldName(fieldsAt(problem.file ?? ""), problem.field);
  const element = note(problem, { ...(name ? { name } : {}), inList: true });
  element.textContent = `${problem.file}: ${element.textContent}`;
  return element;
}

/**
 * The validator's messages on screen: a list at the top of the form, each named by the form's labels
 * ("Identifierare 1, Systemet: …"), and each message beside the field it is about, or, where the form
 * has no field of its own for it, beside the nearest one around it, named there too.
 */
function showProblems(path: string, problems: readonly Problem[]): void {
  for (const old of document.querySelectorAll(".utblick-problem, .utblick-problems")) old.remove();
  if (problems.length === 0) return;
  const fields = fieldsAt(path);
  const pane = document.querySelector('[class*="-ControlPaneContainer"]');
  const summary = document.createElement("section");
  summary.className = "utblick-problems";
  summary.setAttribute("role", "alert");
  for (const severity of ["error", "warning"] as const) {
    const some = problems.filter((problem) => problem.severity === severity);
    if (some.length === 0) continue;
    const heading = document.createElement("h2");
    heading.textContent = severity === "error" ? texts.errorsHeading : texts.warningsHeading;
    const list = document.createElement("ul");
    list.append(
      ...some.map((problem) =>
        inOther(path, problem)
          ? elsewhere(problem)
          : note(problem, { name: fieldName(fields, problem.field), inList: true }),
      ),
    );
    summary.append(heading, list);
  }
  pane?.prepend(summary);
  for (const problem of problems.filter((problem) => !inOther(path, problem) && problem.field)) {
    const { control, whole } = placeOf(fields, problem.field);
    control?.append(note(problem, { ...(whole ? {} : { name: fieldName(fields, problem.field) }), inList: false }));
  }
}

CMS.registerEventListener({
  name: "preSave",
  handler: async ({ entry }) => {
    const collection = setup.config.collections.find((item) => item.name === entry.get("collection"));
    const order = collection ? orders.get(collection.format) : undefined;
    const isNew = entry.get("newRecord") === true;
    let data = entry.get("data") as ImmutableMap;
    let path = String(entry.get("path") ?? "");
    // Only a save that passed its check hands its file to the format: a check that failed or threw
    // must not leave one record's file to be merged into the next record saved.
    fileBeingSaved = "";
    let original = "";
    if (isNew) {
      const naming = collection?.identifier_field;
      const name = naming ? entry.getIn(["data", ...naming.split(".")]) : undefined;
      // A name of only signs or pictographs gives no id: the kind and a random part stand in.
      const fallback = `${collection?.name ?? "post"}-${crypto.randomUUID().slice(0, 8)}`;
      const id = recordIdOr(typeof name === "string" ? name : "", fallback);
      data = data.set(NEW_ID_FIELD, id);
      path = collection?.folder ? `${collection.folder}/${id}.yaml` : path;
    } else {
      const raw = entry.get("raw");
      original = typeof raw === "string" ? raw : "";
    }
    const values = data.toJS();
    const raw = original ? updatedRecordYaml(original, values, order) : recordYaml(values, order);
    const problems = await checked(path, raw);
    showProblems(path, problems);
    if (problems.some((problem) => problem.severity === "error")) throw refusal(texts.notSaved);
    fileBeingSaved = original;
    return isNew ? data : undefined;
  },
});

// Decap keeps the record on screen when the address is changed by hand from one record to another
// (it shows the new collection's fields filled from the old record, and a save wrote one record's
// fields into the other's file). A fresh load shows, and saves, the record the address names.
const EDITOR_ROUTE = /^#\/collections\/([^/?]+)\/(?:entries\/([^?]+)|new)/;
let shownRoute = location.hash;
window.addEventListener("hashchange", () => {
  const from = EDITOR_ROUTE.exec(shownRoute);
  const to = EDITOR_ROUTE.exec(location.hash);
  // After a new record is saved, Decap itself moves from its form to the saved record's.
  const savedNewRecord = from?.[2] === undefined && from?.[1] === to?.[1];
  shownRoute = location.hash;
  if (from && to && !savedNewRecord) location.reload();
});
CMS.init({ config: setup.config });
