// The layering of src/: a shared core at the bottom, the data model on it, and the outputs on the
// model. A rule names each direction that is not allowed; `npm test` fails on any of them.
const layer = (name) => `^src/${name}/`;

/** Each folder and the folders it may import from (besides itself). */
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
  // The web editor's configuration and page: derived from the schemas, knows nothing of the site.
  admin: ["core", "model"],
};
const folders = Object.keys(allowed);

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
      comment: `src/${folder} may import only from ${allowed[folder].length ? allowed[folder].map((f) => `src/${f}`).join(", ") : "itself"} (see README, "Layout").`,
      from: { path: layer(folder) },
      to: {
        path: `^src/`,
        pathNot: [layer(folder), ...allowed[folder].map(layer), "^src/types/"],
      },
    })),
    {
      name: "src-not-from-scripts-or-tests",
      severity: "error",
      comment: "Code in src/ never imports the CLI scripts or the tests.",
      from: { path: "^src/" },
      to: { path: "^(scripts|test)/" },
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
