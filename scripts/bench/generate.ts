// Synthetic data directories for the benchmark: N projects with proportional organisations,
// programmes, partnerships, networks and people, texts of realistic length in three languages.
// Deterministic for a seed; written with the yaml library into a directory outside data/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

/** The day the benchmark's builds speak for, and its vendored releases' day. */
export const BENCH_DAY = "2026-11-25";

/** mulberry32: a small, fast, seedable generator, so the same seed gives the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  sv: (
    "kommun projekt samarbete utveckling vatten avfall skola demokrati invånare miljö energi " +
    "partner region stad arbete unga kunskap erfarenhet hållbar lokal plan stöd nätverk " +
    "förvaltning möte"
  ).split(" "),
  en: (
    "municipality project cooperation development water waste school democracy residents " +
    "environment energy partner region city work young knowledge experience sustainable local " +
    "plan support network administration meeting"
  ).split(" "),
  de: (
    "Gemeinde Projekt Zusammenarbeit Entwicklung Wasser Abfall Schule Demokratie Einwohner " +
    "Umwelt Energie Partner Region Stadt Arbeit Jugend Wissen Erfahrung nachhaltig lokal Plan " +
    "Unterstützung Netzwerk Verwaltung Treffen"
  ).split(" "),
} as const;
const COUNTRIES = [
  "SE",
  "FI",
  "EE",
  "LV",
  "LT",
  "PL",
  "DE",
  "DK",
  "NO",
  "UA",
  "BW",
  "ZA",
  "VN",
  "CN",
  "XK",
  "RS",
  "FR",
  "IT",
  "ES",
  "GR",
  "NL",
  "BE",
  "GB",
  "JP",
];
const ROLES = ["lead", "partner", "partner", "partner", "associated", "stakeholder"];
const LEAD_NOTE = {
  sv: "Leder projektet enligt källan.",
  en: "Leads the project, according to the source.",
  de: "Laut Quelle federführend.",
};

export interface GeneratedData {
  /** Relative path (e.g. projects/p-00001.yaml) to YAML text. */
  readonly files: ReadonlyMap<string, string>;
  readonly counts: Readonly<Record<string, number>>;
}

/** What sets one publication of an aggregate apart from another. */
export interface GenerateOptions {
  /** Put before every id but the themes' (a shared vocabulary), so that publications can be laid into one folder. */
  readonly idPrefix?: string;
  /** Replaces the settings of site.yaml (title, base_url…); its publisher stays the first municipality. */
  readonly site?: Readonly<Record<string, unknown>>;
  /** false: no contact persons (what an include shows of a publication: never its personal data). */
  readonly people?: boolean;
}

export function generateData(projects: number, seed = 1, options: GenerateOptions = {}): GeneratedData {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(next() * (max - min + 1));
    return [...new Set(Array.from({ length: count }, () => pick(list)))];
  };
  const sentence = (lang: keyof typeof WORDS, words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS[lang])).join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (lang: keyof typeof WORDS, sentences: number) =>
    Array.from({ length: sentences }, () => sentence(lang, 8 + Math.floor(next() * 10))).join(" ");
  const text = (words: number) => ({ sv: sentence("sv", words), en: sentence("en", words), de: sentence("de", words) });
  const summary = () => ({
    sv: `${paragraph("sv", 5)}\n\n${paragraph("sv", 4)}`,
    en: `${paragraph("en", 5)}\n\n${paragraph("en", 4)}`,
    de: `${paragraph("de", 5)}\n\n${paragraph("de", 4)}`,
  });
  const id = (prefix: string, index: number) =>
    `${prefix === "the" ? "" : (options.idPrefix ?? "")}${prefix}-${String(index).padStart(6, "0")}`;
  const counts = {
    projects,
    organisations: Math.ceil(projects * 0.4) + 10,
    programmes: Math.ceil(projects / 50) + 5,
    partnerships: Math.ceil(projects / 10) + 1,
    networks: Math.ceil(projects / 100) + 1,
    people: Math.ceil(projects / 5) + 1,
    themes: 20,
    sources: Math.ceil(projects / 100) + 1,
  };
  const ids = Object.fromEntries(
    Object.entries(counts).map(([kind, count]) => [
      kind,
      Array.from({ length: count }, (_, index) => id(kind.slice(0, 3), index + 1)),
    ]),
  ) as Record<keyof typeof counts, string[]>;
  const files = new Map<string, string>();
  const put = (kind: string, key: string, value: unknown): void => {
    files.set(`${kind}/${key}.yaml`, stringify(value, { lineWidth: 0 }));
  };
  const source = () => [{ source: pick(ids.sources) }];
  const municipalities = ids.organisations.slice(0, 10);
  // Drawn even when left out, so that the other records stay those of the same seed.
  const contacts = (): string[] | undefined => {
    const person = pick(ids.people);
    return options.people === false ? undefined : [person];
  };

  files.set(
    "site.yaml",
    stringify({
      title: { sv: "Benchmark", en: "Benchmark", de: "Benchmark" },
      publisher: municipalities[0],
      base_url: "https://bench.example.org/",
      data_licence: "https://creativecommons.org/publicdomain/zero/1.0/",
      contact_email: "bench@example.org",
      languages: ["sv", "en", "de"],
      ...options.site,
    }),
  );
  for (const key of ids.sources) {
    put("sources", key, { title: text(5), publisher: municipalities[0], as_of: "2017-09-05", language: "sv" });
  }
  for (const key of ids.themes) {
    put("themes", key, { label: text(2) });
  }
  for (const [index, key] of ids.organisations.entries()) {
    put("organisations", key, {
      name: { sv: `Organisation ${index + 1}`, en: `Organisation ${index + 1}` },
      kind: index < 10 ? "municipality" : pick(["municipality", "company", "ngo", "university", "government-agency"]),
      country: index < 10 ? "SE" : pick(COUNTRIES),
      sources: source(),
    });
  }
  for (const key of ids.programmes) {
    put("programmes", key, {
      name: text(3),
      funder: pick(ids.organisations.slice(10)),
      description: text(12),
      sources: source(),
    });
  }
  for (const [index, key] of ids.people.entries()) {
    // Drawn even when left out, so that the other records stay those of the same seed.
    const person = {
      name: `Person ${index + 1}`,
      role: text(2),
      organisation: pick(municipalities),
      phone: "012-345 67 89",
      email: `person${index + 1}@example.org`,
      sources: source(),
    };
    if (options.people !== false) put("people", key, person);
  }
  for (const key of ids.networks) {
    put("networks", key, {
      name: text(3),
      summary: summary(),
      coordinator: pick(ids.organisations),
      funders: [pick(ids.programmes)],
      sdgs: some([16, 17, 11], 1, 2),
      sources: source(),
    });
  }
  for (const key of ids.partnerships) {
    put("partnerships", key, {
      name: text(3),
      summary: summary(),
      swedish_partners: [pick(municipalities)],
      international_partners: [pick(ids.organisations.slice(10))],
      since: String(1995 + Math.floor(next() * 25)),
      funders: [pick(ids.programmes)],
      network: next() < 0.5 ? pick(ids.networks) : undefined,
      sources: source(),
    });
  }
  ids.projects.forEach((key) => {
    const year = 2005 + Math.floor(next() * 21);
    const month = 1 + Math.floor(next() * 12);
    const owner = pick(municipalities);
    put("projects", key, {
      title: text(6),
      summary: summary(),
      owners: [owner],
      start: `${year}-${String(month).padStart(2, "0")}`,
      duration: `P${1 + Math.floor(next() * 5)}Y`,
      funding: [
        {
          programme: pick(ids.programmes),
          amount: Math.round(next() * 5_000_000),
          currency: pick(["SEK", "EUR"]),
          approximate: next() < 0.5,
        },
      ],
      // A lead says what the source says of it (the validator asks for that).
      participants: some(ids.organisations.slice(10), 1, 5).map((organisation, index) =>
        index === 0 ? { organisation, role: "lead", note: LEAD_NOTE } : { organisation, role: pick(ROLES.slice(1)) },
      ),
      countries: some(COUNTRIES, 1, 4),
      themes: some(ids.themes, 1, 3),
      sdgs: some(
        Array.from({ length: 17 }, (_, goal) => goal + 1),
        0,
        3,
      ),
      partnership: next() < 0.3 ? pick(ids.partnerships) : undefined,
      contacts: contacts(),
      sources: source(),
    });
  });
  return { files, counts };
}

export function writeData(data: GeneratedData, dir: string): void {
  for (const [path, text] of data.files) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * An aggregate and its counterpart: N publications, a register including them all, and one
 * publication of the same records.
 */
export interface GeneratedAggregate {
  /** By publisher slug (pub-001…): each a publication of its own. */
  readonly publications: ReadonlyMap<string, GeneratedData>;
  /** The register: its own site and publisher, and an include of every publication by path. */
  readonly register: GeneratedData;
  /** The same records in one folder, each id led by its publisher's slug: the publication of the same size. */
  readonly single: GeneratedData;
}

export interface AggregateSize {
  readonly publications: number;
  /** In all, shared out as evenly as they go (the first publications take the remainder). */
  readonly projects: number;
  readonly seed?: number;
}

/** Where writeAggregate puts each part, relative to its folder. */
export const AGGREGATE_FOLDERS = { publications: "publications", register: "register", single: "single" } as const;

export const REGISTER_SITE = {
  title: { sv: "Registret", en: "The register", de: "Das Register" },
  publisher: "register",
  base_url: "https://register.bench.example.org/",
  data_licence: "https://creativecommons.org/publicdomain/zero/1.0/",
  contact_email: "register@example.org",
  languages: ["sv", "en", "de"],
};

/**
 * N publications of generated data (each seeded apart), the register that includes them all and the
 * same records laid into one publication: every record kept (themes are one vocabulary in both), so
 * the two build the same pages but for what an aggregate adds (the publishers).
 */
export function generateAggregate({ publications, projects, seed = 1 }: AggregateSize): GeneratedAggregate {
  if (publications < 1 || projects < publications) throw new Error("at least one project per publication");
  const own = new Map<string, string>([
    ["organisations/register.yaml", stringify({ name: REGISTER_SITE.title, kind: "government-agency", country: "SE" })],
  ]);
  const parts = new Map<string, GeneratedData>();
  const single = new Map(own);
  const counts: Record<string, number> = {};
  for (let index = 0; index < publications; index++) {
    const slug = `pub-${String(index + 1).padStart(3, "0")}`;
    const size = Math.floor(projects / publications) + (index < projects % publications ? 1 : 0);
    const site = {
      title: { sv: `Publikation ${index + 1}`, en: `Publication ${index + 1}`, de: `Publikation ${index + 1}` },
      base_url: `https://${slug}.bench.example.org/`,
    };
    parts.set(slug, generateData(size, seed + index, { site }));
    const prefixed = generateData(size, seed + index, { idPrefix: `${slug}-`, site, people: false });
    for (const [path, text] of prefixed.files) if (path !== "site.yaml") single.set(path, text);
    for (const [kind, count] of Object.entries(prefixed.counts))
      if (kind !== "people") counts[kind] = kind === "themes" ? count : (counts[kind] ?? 0) + count;
  }
  const includes = [...parts.keys()].map((slug) => ({
    publisher: slug,
    path: `../${AGGREGATE_FOLDERS.publications}/${slug}`,
  }));
  const register = new Map([...own, ["site.yaml", stringify({ ...REGISTER_SITE, includes })]]);
  single.set("site.yaml", stringify(REGISTER_SITE));
  return {
    publications: parts,
    register: { files: register, counts: { organisations: 1 } },
    single: { files: single, counts: { ...counts, organisations: (counts.organisations ?? 0) + 1 } },
  };
}

export function writeAggregate(aggregate: GeneratedAggregate, dir: string): void {
  for (const [slug, data] of aggregate.publications) writeData(data, join(dir, AGGREGATE_FOLDERS.publications, slug));
  writeData(aggregate.register, join(dir, AGGREGATE_FOLDERS.register));
  writeData(aggregate.single, join(dir, AGGREGATE_FOLDERS.single));
}
