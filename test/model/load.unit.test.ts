// The loader reads values with js-yaml and positions with `yaml`: both must read the same values.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => join(dir, file));
}

describe("the two YAML parsers", () => {
  // Two parsers over some 200 files: seconds on a loaded machine, so a longer limit than the default.
  it("read every valid file of the data and the fixtures to the same value", { timeout: 60_000 }, () => {
    const files = [...yamlFiles("data"), ...yamlFiles("test/fixtures/valid")];
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }), file).toEqual(
        parse(text, { uniqueKeys: true, strict: true }),
      );
    }
  });

  it("agree on the scalars of YAML 1.2's core schema", () => {
    const text =
      'a: yes\nb: no\nc: on\nd: 0o14\ne: 0x1F\nf: .inf\ng: ~\nh: 2016-03-01\ni: "2016"\nj: 1e3\nk: +12\nl: true\n';
    expect(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA })).toEqual(parse(text));
  });
});
