// A new publication started with `npm run init`: in its own languages (Finnish here, which the
// sample does not have), with its own texts, and with nothing of the sample's publishers in it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { sectionUrl } from "../../src/core/routes.js";
import { t } from "../../src/i18n/translate.js";
import { buildDay } from "../../src/model/today.js";
import { type BuiltSite, buildSite, fileOfUrl, openSite, TODAY } from "../helpers/built-site.js";

const work = mkdtempSync(join(tmpdir(), "utblick-init-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `npm run init` as an IT person would, with no terminal to answer questions in. */
function init(dir: string, ...options: string[]) {
  const run = spawnSync("npx", ["tsx", "scripts/init.ts", dir, ...options], { encoding: "utf8", stdio: "pipe" });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Every text file a build wrote, with its site path. */
function textFiles(dir: string, prefix = ""): [string, string][] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path, `${prefix}/${name}`);
    if (!/\.(html|json|xml|csv|txt|rdf|jsonld|geojson|svg|conf)$|_redirects$/.test(name)) return [];
    return [[`${prefix}/${name}`, readFileSync(path, "utf8")] as [string, string]];
  });
}

const UMEA = ["--name", "Umeå kommun", "--base-url", "https://internationellt.umea.se/"];
const MAILBOX = ["--contact-email", "international@umea.se"];

describe("npm run init", () => {
  let site: BuiltSite;
  const data = join(work, "umea");
  const deploy = join(work, "umea-deploy");

  beforeAll(async () => {
    const made = init(data, ...UMEA, ...MAILBOX, "--languages", "sv,en,fi", "--organisation-number", "212000-2742");
    expect(made.err).toBe("");
    expect(made.code).toBe(0);
    // Built as a pipeline builds, with the server configuration beside the site.
    const built = await build({
      dataDir: data,
      outputDir: join(work, "umea-site"),
      today: buildDay(TODAY),
      log: () => undefined,
      serverConfig: { dir: deploy, root: join(work, "umea-site") },
    });
    expect(built.ok).toBe(true);
    site = openSite(data, join(work, "umea-site"));
  }, 120_000);

  it("makes a site in the publication's languages: Finnish pages, search index, hreflang and sitemap", () => {
    const $ = site.html("/fi/index.html");
    expect($("html").attr("lang")).toBe("fi");
    expect($("a.skip, a[href='#main']").first().text().trim()).toBe(t("fi", "nav.skip"));
    expect(site.files.some((file) => file.startsWith("/pagefind/fi/"))).toBe(true);
    expect(site.html("/sv/index.html")("link[rel=alternate][hreflang=fi]").attr("href")).toBe(
      "https://internationellt.umea.se/fi/",
    );
    expect(site.read("/sitemap.xml")).toContain("https://internationellt.umea.se/fi/");
    expect(site.exists(sectionUrl("fi", "projects"))).toBe(true);
  });

  it("labels the open data in Finnish too", () => {
    const whole = JSON.parse(site.read("/data/utblick.json")) as { site: { title: Record<string, string> } };
    expect(whole.site.title.fi).toBe(t("fi", "init.siteTitle", { name: "Umeå kommun" }));
    expect(site.read("/data/csv/themes.csv").split("\n")[0]).toContain("label_fi");
    const dictionary = site.html(fileOfUrl(`${sectionUrl("fi", "openData")}${"tietokuvaus/"}`));
    expect(dictionary("html").attr("lang")).toBe("fi");
  });

  it("has no German and no word of the sample's publishers anywhere", () => {
    const sample = /Västerås|Vasteras|Växjö|Vaxjo|ICLD|utblick\.example|Gaborone/i;
    const found = [...textFiles(site.dir), ...textFiles(deploy)].filter(([, text]) => sample.test(text));
    expect(found.map(([path, text]) => `${path}: ${sample.exec(text)?.[0]}`)).toEqual([]);
    expect(site.files.filter((file) => file.startsWith("/de/"))).toEqual([]);
    const german = textFiles(site.dir).filter(([, text]) => /hreflang="de"|"de":|xml:lang="de"|@de\b/.test(text));
    expect(german.map(([path]) => path)).toEqual([]);
  });

  it("speaks for its own publisher: the catalog names it as the data portal does, the statement is its own", () => {
    expect(site.read("/data/catalog.rdf")).toContain("http://dataportal.se/organisation/SE2120002742");
    const statement = site
      .html(fileOfUrl(sectionUrl("sv", "accessibility")))("main")
      .text();
    expect(statement).toContain(t("sv", "accessibility.compliance.notStated", { publisher: "Umeå kommun" }));
    expect(site.html("/sv/index.html")("title").text()).toContain("Umeå kommun");
  });

  it("asks for nothing when no one can answer, and names what is missing", () => {
    const run = init(join(work, "half"), "--name", "Umeå kommun", "--languages", "sv,fi");
    expect(run.code).toBe(2);
    expect(run.err).toContain("--base-url");
    expect(run.err).toContain("--contact-email");
  });

  it("refuses a language it has no catalogue for, an invalid organisation number, and a folder with files", () => {
    expect(init(join(work, "xx"), ...UMEA, ...MAILBOX, "--languages", "sv,xx").code).toBe(2);
    const badNumber = init(
      join(work, "nr"),
      ...UMEA,
      ...MAILBOX,
      "--languages",
      "sv",
      "--organisation-number",
      "212000-2743",
    );
    expect(badNumber.code).toBe(1);
    expect(badNumber.err).toContain("organisation_number");
    expect(() => statSync(join(work, "nr"))).toThrow();
    const full = join(work, "full");
    mkdirSync(full);
    writeFileSync(join(full, "notes.txt"), "mine");
    expect(init(full, ...UMEA, ...MAILBOX, "--languages", "sv").code).toBe(1);
    expect(readFileSync(join(full, "notes.txt"), "utf8")).toBe("mine");
    const file = join(work, "a-file");
    writeFileSync(file, "mine");
    expect(init(file, ...UMEA, ...MAILBOX, "--languages", "sv").err).toContain(file);
    expect(readFileSync(file, "utf8")).toBe("mine");
    expect(init(join(work, "no-such-folder", "umea"), ...UMEA, ...MAILBOX, "--languages", "sv").code).toBe(1);
  });
});

describe("a publication written in English first", () => {
  let site: BuiltSite;

  beforeAll(async () => {
    const data = join(work, "english");
    const made = init(data, ...UMEA, ...MAILBOX, "--languages", "en,sv");
    expect(made.code).toBe(0);
    writeFileSync(
      join(data, "sources", "annual-report.yaml"),
      "title:\n  en: Annual report\npublisher: umea-kommun\nlanguage: en\n",
    );
    writeFileSync(
      join(data, "projects", "clean-water.yaml"),
      "title:\n  en: Clean water\nsummary:\n  en: The town cleans its lake.\nowners: [umea-kommun]\n" +
        "sources:\n  - source: annual-report\n",
    );
    site = await buildSite(data, join(work, "english-site"));
  }, 120_000);

  it("shows a record without Swedish on the Swedish pages in English, marked as English", () => {
    const $ = site.html(fileOfUrl(sectionUrl("sv", "projects", "clean-water")));
    expect($("h1 [data-fallback]").attr("lang")).toBe("en");
    expect($("h1").text()).toContain("Clean water");
    expect($(".fallback-note").first().text()).toBe(t("sv", "fallback.title", { language: "engelska" }));
  });
});
