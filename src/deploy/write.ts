// Writes the server configuration beside the site, never inside it: it describes the server, not
// the publication, and names a directory of the server that readers have no business knowing.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../core/languages.js";
import { nginxLocations, nginxServer } from "./nginx.js";
import { publicationOf } from "./rules.js";

export interface ServerConfigOptions {
  /** The directory the files are written to (`_deploy/` by default). */
  readonly dir: string;
  /** The server's directory that holds the base path (see nginxLocations). */
  readonly root: string;
  /** What the whole-server form listens on. */
  readonly listen?: string;
}

export const NGINX_LOCATIONS_FILE = "nginx-locations.conf";
export const NGINX_SERVER_FILE = "nginx-server.conf";

export function writeServerConfig(
  site: { readonly base_url: string; readonly languages: readonly Lang[] },
  options: ServerConfigOptions,
): string[] {
  const publication = publicationOf(site);
  mkdirSync(options.dir, { recursive: true });
  const files = {
    [NGINX_LOCATIONS_FILE]: nginxLocations(publication, { root: options.root }),
    [NGINX_SERVER_FILE]: nginxServer(publication, {
      root: options.root,
      listen: options.listen ?? "80",
      serverName: new URL(site.base_url).hostname,
    }),
  };
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(options.dir, name), text);
    return join(options.dir, name);
  });
}
