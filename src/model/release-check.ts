// The release files of data/releases/ checked like every record before anything republishes
// them: a schema for the file, made from the record schemas, in which personal data are forbidden
// (the people kind, and every field that points at a person). A snapshot edited by hand cannot
// slip a contact person into a download.
import type { KINDS } from "../core/vocabulary.js";
import type { Translate } from "./messages.js";
import { PERSONAL_KINDS, PUBLIC_KINDS, personalFields } from "./published.js";
import { compareVersions, RELEASE_VERSION_PATTERN, type Release, type Snapshot } from "./releases.js";
import type { Report } from "./rules.js";
import { describeSchemaErrors } from "./schema-errors.js";
import { compileValidator, type FileValidator, type JsonSchema, ValidationNotes } from "./schemas.js";
import type { SourceFile } from "./source-file.js";
import { SCHEMA_OF_KIND } from "./types.js";

/** A record schema with the fields that point at people forbidden. */
function published(kind: (typeof KINDS)[number] | "site"): JsonSchema {
  const hidden = personalFields(kind);
  return {
    allOf: [
      { $ref: SCHEMA_OF_KIND[kind] },
      ...(hidden.length
        ? [{ type: "object", properties: Object.fromEntries(hidden.map((field) => [field, false])) }]
        : []),
    ],
  };
}

/** The JSON Schema of a release file, made from the record schemas so it never restates them. */
export function releaseSchema(): JsonSchema {
  return {
    type: "object",
    properties: {
      version: { type: "string", pattern: RELEASE_VERSION_PATTERN },
      date: { type: "string", format: "date" },
      data: {
        type: "object",
        properties: {
          site: published("site"),
          ...Object.fromEntries(
            PUBLIC_KINDS.map((kind) => [
              kind,
              {
                type: "object",
                propertyNames: { $ref: "common.schema.json#/$defs/id" },
                additionalProperties: published(kind),
              },
            ]),
          ),
          ...Object.fromEntries([...PERSONAL_KINDS].map((kind) => [kind, false])),
        },
        required: ["site"],
        additionalProperties: false,
      },
    },
    required: ["version", "date", "data"],
    additionalProperties: false,
  };
}

let validator: FileValidator | undefined;

/** The releases that pass, oldest first; every problem of the others is reported. */
export function checkReleases(files: readonly SourceFile[], report: Report, tr: Translate): Release[] {
  validator ??= compileValidator(releaseSchema());
  const releases: Release[] = [];
  for (const file of files) {
    if (file.value === undefined) continue;
    const errors = validator(file.value, new ValidationNotes());
    for (const { path, message, at } of describeSchemaErrors(errors, tr)) report({ file, path, message, at });
    const release = file.value as Release;
    if (errors.length > 0) continue;
    if (release.version !== file.id) {
      const message = tr("release.versionMismatch", { version: release.version, expected: file.id });
      report({ file, path: ["version"], message });
      continue;
    }
    releases.push({ version: release.version, date: release.date, data: release.data as Snapshot });
  }
  return releases.sort((a, b) => compareVersions(a.version, b.version));
}
