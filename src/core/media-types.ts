// The media type of every file the site writes: one table, which the nginx configuration
// (src/deploy), the editor's preview (src/preview/server.ts) and the tests read, so a file is sent as
// the same type wherever it is served from.
import { FEED_FILE } from "./routes.js";

export interface MediaType {
  readonly type: string;
  readonly extensions: readonly string[];
  /** Text is sent with its charset (`text/csv; charset=utf-8`). */
  readonly text: boolean;
}

/**
 * The media type of each file extension the site writes. Pagefind's files are gzip-compressed
 * binaries, and WebAssembly is binary, so no charset applies to them.
 */
export const MEDIA_TYPES: readonly MediaType[] = [
  { type: "text/html", extensions: ["html"], text: true },
  { type: "text/css", extensions: ["css"], text: true },
  { type: "text/javascript", extensions: ["js", "mjs"], text: true },
  { type: "application/json", extensions: ["json"], text: true },
  { type: "application/ld+json", extensions: ["jsonld"], text: true },
  { type: "application/geo+json", extensions: ["geojson"], text: true },
  { type: "text/csv", extensions: ["csv"], text: true },
  { type: "application/rdf+xml", extensions: ["rdf"], text: true },
  { type: "application/xml", extensions: ["xml"], text: true },
  { type: "text/plain", extensions: ["txt"], text: true },
  { type: "image/svg+xml", extensions: ["svg"], text: true },
  { type: "application/wasm", extensions: ["wasm"], text: false },
  {
    type: "application/octet-stream",
    extensions: ["pagefind", "pf_meta", "pf_fragment", "pf_index", "pf_filter"],
    text: false,
  },
  { type: "application/zip", extensions: ["zip"], text: false },
  { type: "image/png", extensions: ["png"], text: false },
  { type: "image/x-icon", extensions: ["ico"], text: false },
  { type: "font/woff2", extensions: ["woff2"], text: false },
];

/** Every text the site writes is UTF-8. */
export const CHARSET = "utf-8";
export const withCharset = (type: string): string => `${type}; charset=${CHARSET}`;

/** Files without an extension (SHA256SUMS) are text. */
export const DEFAULT_MEDIA_TYPE = "text/plain";

/** The project feeds (/sv/feed.xml) are XML files of a more precise type. */
export const FEED_MEDIA_TYPE = "application/atom+xml";

const BY_EXTENSION: ReadonlyMap<string, MediaType> = new Map(
  MEDIA_TYPES.flatMap((media) => media.extensions.map((extension) => [extension, media] as const)),
);

/** The Content-Type a site path is sent with; a folder's path is its index.html. */
export function contentTypeOf(sitePath: string): string {
  const file = sitePath.endsWith("/") ? "index.html" : (sitePath.split("/").pop() ?? "");
  if (file === FEED_FILE) return withCharset(FEED_MEDIA_TYPE);
  const dot = file.lastIndexOf(".");
  const media = dot < 0 ? undefined : BY_EXTENSION.get(file.slice(dot + 1).toLowerCase());
  if (!media) return withCharset(DEFAULT_MEDIA_TYPE);
  return media.text ? withCharset(media.type) : media.type;
}
