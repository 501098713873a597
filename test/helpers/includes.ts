// The fixtures of included publications (test/fixtures/includes) as the tests of includes use them:
// the register copied without its includes, and testkommun's release vendored into a register as
// `npm run include` would write it.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { parseDocument } from "yaml";
import { releaseArchiveName, releaseFolderName } from "../../src/core/routes.js";
import { RECORDS_FILE, sha256Hex, vendoredFolder } from "../../src/model/includes.js";
import { loadDataset } from "../../src/model/index.js";
import { releaseSnapshot } from "../../src/model/published.js";
import { buildDay } from "../../src/model/today.js";

export const INCLUDE_FIXTURES = "test/fixtures/includes";

/** The register copied to `target` without its `includes:`, a comment above its settings. */
export function registerWithoutIncludes(target: string): string {
  cpSync(join(INCLUDE_FIXTURES, "register"), target, { recursive: true });
  const file = join(target, "site.yaml");
  const document = parseDocument(readFileSync(file, "utf8"));
  document.delete("includes");
  writeFileSync(file, `# The register's own settings; npm run include writes includes.\n${document.toString()}`);
  return target;
}

export interface VendoredRelease {
  /** The data folder the release is vendored into. */
  readonly register: string;
  readonly version: string;
  /** The day testkommun's records are read for. */
  readonly today: string;
  /** Changes the release's records before they are archived (a tampered or a broken release). */
  readonly change?: (records: Record<string, unknown>) => void;
}

/**
 * testkommun's records as a release vendored into `register`: its archive and the file it holds,
 * under includes/testkommun/<version>/. Returns the archive's SHA-256, which a pin names.
 */
export function vendorTestkommun({ register, version, today, change }: VendoredRelease): string {
  const snapshot = releaseSnapshot(loadDataset(join(INCLUDE_FIXTURES, "testkommun"), buildDay(today))) as Record<
    string,
    unknown
  >;
  change?.(snapshot);
  const records = strToU8(JSON.stringify(snapshot));
  const archive = zipSync({ [`${releaseFolderName(version)}/${RECORDS_FILE}`]: records });
  const folder = vendoredFolder(register, { publisher: "testkommun", version });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, releaseArchiveName(version)), archive);
  writeFileSync(join(folder, RECORDS_FILE), records);
  return sha256Hex(archive);
}
