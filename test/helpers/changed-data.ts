// A copy of a data directory after an editor's ordinary day: one project added, one project's
// title changed, one project removed. The checks that must hold for any data run on it too, so
// that `npm test` is known to pass when an editor changes `data/`.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseDocument } from "yaml";

export interface DataChange {
  /** Id of the project the editor added. */
  readonly added: string;
  /**
   * Id of the project whose title she changed, and its new English title; of the project she
   * removed. Absent where data/ has too few projects of its own (a register that mostly includes).
   */
  readonly retitled?: string;
  readonly newTitle: string;
  readonly removed?: string;
}

export const ADDED_PROJECT = "ett-nytt-projekt";

const yamlIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".yaml") && !file.startsWith("releases"))
    .map((file) => join(dir, file));

/** Copies `source` to `target` and changes the copy as an editor would; `source` is not touched. */
export function changeAsAnEditorWould(source: string, target: string): DataChange {
  cpSync(source, target, { recursive: true });
  const projectsDir = join(target, "projects");
  mkdirSync(projectsDir, { recursive: true });
  const projects = readdirSync(projectsDir)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();
  const files = yamlIn(target);
  const text = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
  // A project that no other record names can go without breaking a reference.
  const unreferenced = (id: string) =>
    [...text].every(([file, content]) => file.endsWith(`/${id}.yaml`) || !new RegExp(`\\b${id}\\b`).test(content));
  const removed = projects.length >= 2 ? projects.find(unreferenced) : undefined;
  const retitled = projects.find((id) => id !== removed);
  keepIncludesReachable(source, target);

  // The new project: owned by the publisher, from the first source, in three languages.
  const site = parseDocument(readFileSync(join(target, "site.yaml"), "utf8")).toJS() as { publisher: string };
  const source0 = readdirSync(join(target, "sources"))
    .filter((file) => file.endsWith(".yaml"))
    .sort()[0]
    ?.slice(0, -".yaml".length);
  writeFileSync(
    join(projectsDir, `${ADDED_PROJECT}.yaml`),
    [
      "title:",
      "  sv: Ett nytt projekt som redaktören just lade till",
      "  en: A new project the editor has just added",
      "  de: Ein neues Projekt, das die Redaktion gerade angelegt hat",
      "summary:",
      "  sv: Ett projekt med det minsta som krävs, för att pröva att allt fortfarande byggs.",
      "  en: A project with the least that is required, to check that everything still builds.",
      "  de: Ein Projekt mit dem Nötigsten, um zu prüfen, dass weiterhin alles gebaut wird.",
      `owners: [${site.publisher}]`,
      "sources:",
      `  - source: ${source0}`,
      "",
    ].join("\n"),
  );

  const newTitle = "A title the editor has changed";
  if (retitled) {
    const file = join(projectsDir, `${retitled}.yaml`);
    const document = parseDocument(readFileSync(file, "utf8"));
    document.setIn(["title", "sv"], "En titel som redaktören har ändrat");
    document.setIn(["title", "en"], newTitle);
    document.setIn(["title", "de"], "Ein Titel, den die Redaktion geändert hat");
    writeFileSync(file, document.toString({ flowCollectionPadding: false }));
  }

  if (removed) rmSync(join(projectsDir, `${removed}.yaml`));
  return { added: ADDED_PROJECT, newTitle, ...(retitled ? { retitled } : {}), ...(removed ? { removed } : {}) };
}

/** The copy's `path:` includes, written relative to where the copy is, so they still lead to the same folders. */
function keepIncludesReachable(source: string, target: string): void {
  const file = join(target, "site.yaml");
  const document = parseDocument(readFileSync(file, "utf8"));
  const includes = document.toJS() as { includes?: { path?: string }[] };
  let moved = false;
  (includes.includes ?? []).forEach((pin, index) => {
    if (pin.path === undefined) return;
    document.setIn(["includes", index, "path"], relative(target, resolve(source, pin.path)));
    moved = true;
  });
  if (moved) writeFileSync(file, document.toString({ flowCollectionPadding: false }));
}
