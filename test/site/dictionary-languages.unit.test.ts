// The data dictionary in a language the schemas have no words in (Finnish): the schema's English
// stands in and is marked as English (WCAG 3.1.2), while the sentences in the page's own language
// are not; in Swedish, which the schemas are written in too, nothing is marked.
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/languages.js";
import { t } from "../../src/i18n/translate.js";
import type { Dataset } from "../../src/model/dataset.js";
import { readSchemas, resolveSchema, type Schema } from "../../src/model/schemas.js";
import { openDataPages } from "../../src/site/pages/open-data.js";

const LANGUAGES = ["sv", "fi"];

/** The dictionary page in a language, as the open-data pages make it for a site in Swedish and Finnish. */
function dictionary(lang: Lang) {
  // The dictionary reads only the site's languages.
  const dataset = { site: { languages: LANGUAGES } } as unknown as Dataset;
  const page = openDataPages(dataset, lang).find((candidate) => candidate.kind === "data-dictionary")!;
  return load(`<main lang="${lang}">${page.content().value}</main>`);
}

/** The meaning cell of a column of a table. */
const meaning = ($: ReturnType<typeof dictionary>, table: string, column: string) =>
  $(`section[aria-labelledby="${table}"] tr`)
    .filter((_, row) => $(row).find("th code").text() === column)
    .find("td")
    .last();

/** A project's title as the schema describes it. */
const titleSchema = (): Schema =>
  resolveSchema(resolveSchema(readSchemas().get("project.schema.json") as Schema).properties?.title as Schema);

describe("the data dictionary's languages", () => {
  it("marks the schema's English as English on a Finnish page, and the Finnish around it not", () => {
    const $ = dictionary("fi");
    const english = titleSchema().description!;
    const title = meaning($, "projects", "title_fi");
    const marked = title.find('[lang="en"]');
    expect(marked.text()).toBe(english);
    // The rest of the cell is Finnish, in the page's language: "The text in Finnish." said in Finnish.
    const suffix = t("fi", "dataTables.textIn", { language: "suomi" });
    expect(title.text()).toBe(`${english} ${suffix}`);
    expect(title.children('[lang="en"]').length).toBe(1);
    // The Finnish UI sentences (the id column, each main table's one line) carry no mark.
    expect(meaning($, "projects", "id").find("[lang]").length).toBe(0);
    expect($('section[aria-labelledby="projects"] > p').first().find("[lang]").length).toBe(0);
  });

  it("marks nothing a Swedish page says in Swedish", () => {
    const $ = dictionary("sv");
    const title = meaning($, "projects", "title_fi");
    expect(title.find("[lang]").length).toBe(0);
    expect(title.text()).toContain(titleSchema()["x-description"]?.sv);
    expect(meaning($, "projects", "id").find("[lang]").length).toBe(0);
  });

  it("marks the English of every column the schemas describe in English only, and no column's name", () => {
    const fi = dictionary("fi");
    const sv = dictionary("sv");
    const marked = ($: ReturnType<typeof dictionary>) => $('[lang="en"]').length;
    expect(marked(fi)).toBeGreaterThan(50);
    // Swedish has the schemas' words but for the odd description not yet translated.
    expect(marked(sv)).toBeLessThan(marked(fi) / 10);
    // A field the schema does not describe is shown by its name, an identifier: in no language.
    const funder = meaning(fi, "network_funders", "funder");
    expect(funder.text()).toBe("funder");
    expect(funder.find("[lang]").length).toBe(0);
  });
});
