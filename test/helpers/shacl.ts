// SHACL validation of a catalog against the official DCAT-AP 3.0.1 shapes and the DCAT-AP-SE
// 3.0.1 mandatory properties (the official files, standards.ts), with rdf-validate-shacl.
import { readFileSync } from "node:fs";
import rdf from "@zazuko/env";
import { Parser } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import * as $rdf from "rdflib";
import { standardsFile } from "./standards.js";

/** The files the standards' README says are always loaded (range.ttl only on request). */
const SHAPES = [
  "dcat-ap-3.0.1/shapes.ttl",
  "dcat-ap-3.0.1/shapes_recommended.ttl",
  "dcat-ap-3.0.1/deprecateduris.ttl",
  "dcat-ap-se-3.0.1/mandatory.ttl",
];

export interface ShaclFinding {
  readonly severity: string;
  readonly focus: string;
  readonly path: string;
  readonly message: string;
}

function shapes() {
  const dataset = rdf.dataset();
  for (const file of SHAPES)
    for (const quad of new Parser({ baseIRI: `file://${standardsFile("dcat", file)}` }).parse(
      readFileSync(standardsFile("dcat", file), "utf8"),
    ))
      dataset.add(quad);
  return dataset;
}

/** Every finding (violation, warning, info) of the shapes on a catalog in RDF/XML. */
export async function shaclFindings(rdfXml: string, baseIri: string): Promise<ShaclFinding[]> {
  const store = $rdf.graph();
  $rdf.parse(rdfXml, store, baseIri, "application/rdf+xml");
  const data = rdf.dataset();
  for (const quad of new Parser({ format: "N-Triples" }).parse(
    $rdf.serialize(null, store, undefined, "application/n-triples") ?? "",
  ))
    data.add(quad);
  // The shapes owl:import the ADMS code lists; as the standards' README says, those are not loaded.
  const validator = new SHACLValidator(shapes(), { factory: rdf, importGraph: async () => rdf.dataset() });
  const report = await validator.validate(data);
  return report.results.map((result) => ({
    severity: result.severity?.value.split("#")[1] ?? "",
    focus: result.focusNode?.value ?? "",
    path: result.path?.value ?? "",
    message: result.message.map((message) => message.value).join(" "),
  }));
}
