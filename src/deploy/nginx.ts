// The nginx configuration of the site, written from the rules in rules.ts. Two forms: the
// locations to include in an existing server block (a municipality's main host, with the site at
// a path below it), and a whole server block for a host of its own.

import { CHARSET, DEFAULT_MEDIA_TYPE, FEED_MEDIA_TYPE, MEDIA_TYPES } from "../core/media-types.js";
import { FEED_FILE, hrefOf, rootNotFoundUrl } from "../core/routes.js";
import {
  CACHE,
  COMPRESSED_TYPES,
  CONTENT_NAMED,
  HSTS_HEADER,
  languageSwaps,
  notFoundPages,
  type Publication,
  preferredLanguagePattern,
  SEARCH_ROOT,
  SECURITY_HEADERS,
} from "./rules.js";

export interface NginxOptions {
  /**
   * The directory that holds the base path: the site's files are at `root` + base path (at a
   * host's root, the contents of _site/ are in `root`; below /internationellt/, in
   * `root`/internationellt/).
   */
  readonly root: string;
  /** Whether the root of the site sends readers to their language by Accept-Language (302). */
  readonly chooseLanguage?: boolean;
}

export interface NginxServerOptions extends NginxOptions {
  /** What the server listens on: "80", "127.0.0.1:8080". */
  readonly listen: string;
  readonly serverName?: string;
}

/** A string for nginx's configuration: quoted, with its quotes and backslashes escaped. */
const quote = (value: string): string => `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;

/** A literal path inside a regular expression. */
const literal = (path: string): string => path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every add_header a location needs: add_header in a nested location replaces all inherited ones. */
function headers(cacheControl: string, extra: Readonly<Record<string, string>> = {}): string[] {
  return Object.entries({ ...SECURITY_HEADERS, "Cache-Control": cacheControl, ...extra }).map(
    ([name, value]) => `add_header ${name} ${quote(value)} always;`,
  );
}

const indent = (lines: readonly string[], depth = 1): string[] =>
  lines.map((line) => (line === "" ? "" : `${"    ".repeat(depth)}${line}`));

/** The site's locations, for an `include` inside a server block. */
export function nginxLocations(publication: Publication, options: NginxOptions): string {
  const base = publication.base;
  const href = (sitePath: string) => hrefOf(base, sitePath);
  const swaps = languageSwaps(publication);
  const contentNamed = quote(CONTENT_NAMED.source);
  const languageLocations = notFoundPages(publication).flatMap(({ prefix, page }) => [
    "",
    `location ^~ ${href(prefix)} {`,
    ...indent([
      `error_page 404 ${href(page)};`,
      ...swaps
        .filter((swap) => swap.from.startsWith(prefix))
        .map((swap) =>
          swap.exact
            ? `rewrite ${quote(`^${literal(href(swap.from).slice(0, -1))}(?:/(.*))?$`)} ${href(swap.to)}$1 permanent;`
            : `rewrite ${quote(`^${literal(href(swap.from))}(.+)$`)} ${href(swap.to)}$1 permanent;`,
        ),
      `location ~ ${quote(`^${literal(href(prefix))}${literal(FEED_FILE)}$`)} {`,
      ...indent(["types { }", `default_type ${FEED_MEDIA_TYPE};`]),
      "}",
    ]),
    "}",
  ]);
  const hashedFolder = (folder: string, otherwise: string) => [
    "",
    `location ^~ ${href(folder)} {`,
    ...indent([...headers(otherwise), `location ~ ${contentNamed} {`, ...indent(headers(CACHE.immutable)), "}"]),
    "}",
  ];
  const root = [
    "",
    `location = ${base} {`,
    ...indent([
      ...headers(CACHE.short, { Vary: "Accept-Language" }),
      ...(options.chooseLanguage === false
        ? []
        : [
            "# A reader whose browser asks for one of the site's languages goes there; everyone else gets the chooser.",
            `if ($http_accept_language ~* ${quote(preferredLanguagePattern(publication))}) {`,
            `    return 302 ${base}$1/;`,
            "}",
          ]),
      `try_files ${href("/index.html")} =404;`,
    ]),
    "}",
  ];
  const body = [
    `root ${quote(options.root)};`,
    "index index.html;",
    "# Redirects name the path only, so they work behind a proxy or TLS terminator.",
    "absolute_redirect off;",
    "",
    "types {",
    ...indent(MEDIA_TYPES.map((media) => `${media.type} ${media.extensions.join(" ")};`)),
    "}",
    `default_type ${DEFAULT_MEDIA_TYPE};`,
    `charset ${CHARSET};`,
    // text/html always gets the charset; naming it again is an error to nginx.
    `charset_types ${[...MEDIA_TYPES.filter((media) => media.text && media.type !== "text/html").map((media) => media.type), FEED_MEDIA_TYPE].join(" ")};`,
    "",
    "gzip on;",
    "gzip_vary on;",
    "gzip_min_length 256;",
    "gzip_comp_level 5;",
    `gzip_types ${COMPRESSED_TYPES.join(" ")};`,
    "",
    `error_page 404 ${href(rootNotFoundUrl)};`,
    ...headers(CACHE.short),
    "# Served only over HTTPS? Then add, once the whole host is on HTTPS for good:",
    `# add_header ${HSTS_HEADER.name} ${quote(HSTS_HEADER.value)} always;`,
    "# (in every location of this file that has add_header lines: nginx does not merge them).",
    ...root,
    ...languageLocations,
    ...hashedFolder(SEARCH_ROOT, CACHE.revalidate),
    ...hashedFolder("/assets/", CACHE.short),
  ];
  return [
    "# The site's locations for nginx, generated by the build from data/site.yaml and the site's",
    "# routes: do not edit, build again. Include it inside a server { } block; the site's files",
    `# (the contents of _site/) must be at ${options.root.replace(/\/$/, "")}${base}.`,
    `location ^~ ${base} {`,
    ...indent(body),
    "}",
    // Below a path, the path without its slash leads to the site too.
    ...(base === "/"
      ? []
      : [`location = ${base.slice(0, -1)} {`, ...indent(["absolute_redirect off;", `return 301 ${base};`]), "}"]),
    "",
  ].join("\n");
}

/** A server block for a host of the site's own. */
export function nginxServer(publication: Publication, options: NginxServerOptions): string {
  // An address and port, or a port: anything else would be configuration smuggled into the file.
  if (!/^[\w.:[\]]+$/.test(options.listen)) throw new Error(`not an address to listen on: ${options.listen}`);
  return [
    "# A server for the site, generated by the build: do not edit, build again. Put TLS in front of it,",
    "# or add the listen 443 ssl lines and certificates of your host here.",
    "server {",
    ...indent([
      `listen ${options.listen};`,
      ...(options.serverName ? [`server_name ${quote(options.serverName)};`] : []),
      "server_tokens off;",
      ...nginxLocations(publication, options).trimEnd().split("\n"),
    ]),
    "}",
    "",
  ].join("\n");
}
