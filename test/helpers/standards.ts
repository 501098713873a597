// The official validation artefacts no package ships (the DCAT-AP 3.0.1 and DCAT-AP-SE SHACL
// shapes, the IATI 2.03 XSDs): read from the folder UTBLICK_STANDARDS names (.ci/run points it at
// ../shared/standards), else from ../shared/standards beside the clone when it is there; never
// copied into the repository. A clone elsewhere has neither: the checks that need them are
// skipped, and the test run says so in one line (test/helpers/shared-sites.ts).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const beside = fileURLToPath(new URL("../../../shared/standards/", import.meta.url));
// "none" runs the suite as a clone without the artefacts would.
const configured = process.env.UTBLICK_STANDARDS;

/** The folder of the official artefacts, or undefined when this machine has none. */
export const STANDARDS_DIR: string | undefined =
  configured === "none" ? undefined : configured ? resolve(configured) : existsSync(beside) ? beside : undefined;

if (configured && configured !== "none" && !existsSync(resolve(configured)))
  throw new Error(`UTBLICK_STANDARDS names ${configured}, which does not exist`);

/** A file of the official artefacts; only called by checks that run when they are there. */
export function standardsFile(...parts: string[]): string {
  if (!STANDARDS_DIR) throw new Error("the official standards are not on this machine");
  return join(STANDARDS_DIR, ...parts);
}

/** The checks skipped without the artefacts, as the test run names them. */
export const CHECKS_NEEDING_STANDARDS = "the DCAT-AP 3.0.1 / DCAT-AP-SE SHACL checks and the IATI 2.03 XSD checks";
