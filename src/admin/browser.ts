// The admin page's own script (bundled for the browser by src/admin/plugin.ts): it teaches Decap
// CMS to write each kind's files as src/admin/yaml.ts does, then starts it with the configuration
// generated from the schemas (config.json beside this script).
import type { KeyOrder } from "./config.js";
import { readRecordYaml, recordYaml } from "./yaml.js";

interface Formatter {
  fromFile(content: string): unknown;
  toFile(data: unknown): string;
}

declare const CMS: {
  registerCustomFormat(name: string, extension: string, formatter: Formatter): void;
  init(options: { config: unknown }): void;
};

interface AdminSetup {
  readonly config: unknown;
  readonly formats: readonly { readonly name: string; readonly order: KeyOrder }[];
}

const response = await fetch(new URL("config.json", document.baseURI));
const setup = (await response.json()) as AdminSetup;
for (const { name, order } of setup.formats)
  CMS.registerCustomFormat(name, "yaml", { fromFile: readRecordYaml, toFile: (data) => recordYaml(data, order) });
CMS.init({ config: setup.config });
