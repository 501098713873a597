// Strict readers of each output format, for tests that read back what the writers wrote: each
// throws (or lists the errors) on anything that is not well-formed.
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseHtml } from "parse5";
import { SaxesParser } from "saxes";

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The text directly inside the element, entities resolved. */
  text: string;
}

/** Parses XML with namespaces in saxes' strict mode: the first well-formedness error throws. */
export function readXml(text: string, fileName = "xml"): XmlElement {
  const parser = new SaxesParser({ xmlns: true, fileName });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([key, attribute]) => [key, attribute.value])),
      children: [],
      text: "",
    };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("text", (content) => {
    stack.at(-1)!.text += content;
  });
  parser.on("cdata", (content) => {
    stack.at(-1)!.text += content;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(text).close();
  const [element, ...rest] = root.children;
  if (!element || rest.length) throw new Error(`${fileName}: not exactly one root element`);
  return element;
}

/** Every element below `element` (itself included) with that name, in document order. */
export function elements(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((child) => elements(child, name))];
}

/** The HTML parser's list of parse errors (parse5, as browsers parse): empty for a well-formed document. */
export function htmlParseErrors(text: string): string[] {
  const errors: string[] = [];
  parseHtml(text, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`),
  });
  return errors;
}

/** Parses CSV strictly: quotes must be balanced and every record must have the header's number of fields. */
export function readCsvStrictly(text: string, delimiter = ","): string[][] {
  return parseCsv(text, {
    bom: true,
    delimiter,
    record_delimiter: "\r\n",
    relax_column_count: false,
    relax_quotes: false,
    skip_empty_lines: false,
  }) as string[][];
}
