// Bundles a TypeScript entry of src/ as one ES module for the browser, with esbuild, at build time:
// the one way the site's and the web editor's scripts are made from the same code the command line
// runs. A caller's plugins may stand in for what the browser lacks (src/admin/bundle.ts); any other
// import of Node fails the bundle, naming the import.
import { build, type Plugin } from "esbuild";

const noNode: Plugin = {
  name: "utblick-no-node",
  setup(bundle) {
    bundle.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.path} has no stand-in in the browser (imported by ${args.importer})` }],
    }));
  },
};

export interface BrowserBundle {
  /** The entry's absolute path. */
  readonly entry: string;
  /** Plugins run before the check that nothing needs Node. */
  readonly plugins?: readonly Plugin[];
}

/** The entry and everything it imports, as one minified ES module. */
export async function bundleForBrowser({ entry, plugins = [] }: BrowserBundle): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    plugins: [...plugins, noNode],
  });
  return result.outputFiles.map((file) => file.text)[0] ?? "";
}
