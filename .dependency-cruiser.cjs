// The layering of src/: a shared core at the bottom, the data model on it, the outputs on the
// model, and the commands' engines (the build, the preview) on top. Every file of src/ lives in
// one of these folders; each folder may import only from the folders it lists. `npm test` fails on
// any other import, and on a file outside every folder (see docs/architecture.md, "Layout").
const OUTPUTS = ["i18n", "releases", "statistics", "search", "exports", "site", "deploy", "admin"];

/** Each folder and the folders it may import from (besides itself and the generated src/types/). */
const allowed = {
  core: [],
  model: ["core"],
  i18n: ["core", "model"],
  releases: ["core", "model"],
  statistics: ["core", "model", "i18n"],
  search: ["core", "model"],
  exports: ["core", "model", "i18n", "releases"],
  site: ["core", "model", "i18n", "releases", "statistics", "exports", "search"],
  // Publishing: the server configuration and the base path, from the routes and the site's settings.
  deploy: ["core", "model"],
  // The web editor's configuration, page and local backend: derived from the schemas, knows no site.
  admin: ["core", "model"],
  // The build: every output registered with Eleventy, written and published atomically.
  build: ["core", "model", ...OUTPUTS],
  // The live preview: the build's registrations, rendered on request, and the editor's backend.
  preview: ["core", "model", ...OUTPUTS, "build"],
};
const folders = Object.keys(allowed);
const layer = (name) => `^src/${name}/`;
const outsideEveryLayer = { path: "^src/", pathNot: [...folders.map(layer), "^src/types/"] };

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Files import each other in a circle: move what both need into a module beneath them.",
      from: {},
      to: { circular: true },
    },
    ...folders.map((folder) => ({
      name: `layering-${folder}`,
      severity: "error",
      comment: `src/${folder} may import only from ${allowed[folder].length ? allowed[folder].map((f) => `src/${f}`).join(", ") : "itself"} (docs/architecture.md).`,
      from: { path: layer(folder) },
      to: {
        path: "^src/",
        pathNot: [layer(folder), ...allowed[folder].map(layer), "^src/types/"],
      },
    })),
    {
      name: "not-in-a-layer",
      severity: "error",
      comment: `Every file of src/ belongs to one layer: ${folders.map((f) => `src/${f}/`).join(", ")}.`,
      from: outsideEveryLayer,
      to: {},
    },
    {
      name: "not-in-a-layer-orphan",
      severity: "error",
      comment: "Every file of src/ belongs to one layer, also a file that imports nothing.",
      from: { ...outsideEveryLayer, orphan: true },
      to: {},
    },
    {
      name: "src-not-from-scripts-or-tests",
      severity: "error",
      comment: "Code in src/ never imports the CLI scripts, the tests or the files at the repository's root.",
      from: { path: "^src/" },
      to: { path: "^(scripts|test)/|^[^/]+\\.[cm]?[jt]s$" },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API; swc parses the sources instead.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
