// The benchmark's aggregate with pinned releases instead of folders: each generated publication
// released on the benchmark's day and its release vendored under the register's includes/, as
// `npm run include -- add` leaves it (the archive as published and every file it holds, pinned by
// the archive's SHA-256), but made here from the publication's data rather than fetched over HTTP.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import { releaseArchiveName, releaseUrl } from "../../src/core/routes.js";
import { releaseFiles } from "../../src/exports/release-files.js";
import { type ReleasePin, sha256Hex, vendoredFolder } from "../../src/model/includes.js";
import { loadDataset } from "../../src/model/index.js";
import { releaseSnapshot } from "../../src/model/published.js";
import { AGGREGATE_FOLDERS, REGISTER_SITE } from "./generate.js";

const bytesOf = (content: string | Uint8Array): Uint8Array =>
  typeof content === "string" ? new TextEncoder().encode(content) : content;

/** Releases every publication of an aggregate written by writeAggregate and pins the register to them. */
export function vendorAggregate(dir: string, today: DateTime): ReleasePin[] {
  const register = join(dir, AGGREGATE_FOLDERS.register);
  const version = today.toISODate() ?? "";
  const pins: ReleasePin[] = [];
  for (const slug of readdirSync(join(dir, AGGREGATE_FOLDERS.publications)).sort()) {
    const dataset = loadDataset(join(dir, AGGREGATE_FOLDERS.publications, slug), today);
    const release = { version, date: version, data: releaseSnapshot(dataset) };
    const released = releaseFiles({ ...dataset, releases: [release] }).packages[0]!;
    const folder = vendoredFolder(register, { publisher: slug, version });
    const archive = bytesOf(released.archive.render());
    const files: [string, Uint8Array][] = [
      [releaseArchiveName(version), archive],
      ...released.files.map((file): [string, Uint8Array] => [
        file.url.slice(releaseUrl(version, "").length),
        bytesOf(file.render()),
      ]),
    ];
    for (const [name, bytes] of files) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), bytes);
    }
    pins.push({ publisher: slug, url: dataset.site.base_url, version, sha256: sha256Hex(archive), retrieved: version });
  }
  writeFileSync(join(register, "site.yaml"), stringify({ ...REGISTER_SITE, includes: pins }));
  return pins;
}
