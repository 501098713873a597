// Writes the server configuration beside the site, never inside it: it describes the server, not
// the publication, and names a directory of the server that readers have no business knowing.
// The folder holds only these files: a build replaces them, never a folder with others (the data
// folder, the repository). Both are written whole first; the build puts them in place together
// just before it switches the site, so that the configuration changes with the site.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../core/languages.js";
import { assertReplaceable, type Guarded, isTemporaryName, type StagedFile, stageFile } from "../core/safe-write.js";
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

const FILES = [NGINX_LOCATIONS_FILE, NGINX_SERVER_FILE];
/** A temporary file of ours, left by a build killed between writing and putting the files in place. */
const temporary = (name: string) => isTemporaryName(name) && FILES.some((file) => name.startsWith(`.${file}.`));
const ours = (name: string) => FILES.includes(name) || temporary(name);

/** Throws RefusedFolderError unless the folder is absent, empty, or holds only these files. */
export function assertServerConfigDir(dir: string, guarded: Guarded): void {
  assertReplaceable(dir, guarded, ours);
}

export interface StagedServerConfig {
  /** Puts both files in place, each in one step. */
  commit(): void;
  discard(): void;
}

/** Writes the configuration's files whole beside their places; commit() puts them there. */
export function stageServerConfig(
  site: { readonly base_url: string; readonly languages: readonly Lang[] },
  options: ServerConfigOptions,
  guarded: Guarded,
): StagedServerConfig {
  const publication = publicationOf(site);
  assertServerConfigDir(options.dir, guarded);
  mkdirSync(options.dir, { recursive: true });
  for (const name of readdirSync(options.dir).filter(temporary)) rmSync(join(options.dir, name), { force: true });
  const files: readonly [string, string][] = [
    [NGINX_LOCATIONS_FILE, nginxLocations(publication, { root: options.root })],
    [
      NGINX_SERVER_FILE,
      nginxServer(publication, {
        root: options.root,
        listen: options.listen ?? "80",
        serverName: new URL(site.base_url).hostname,
      }),
    ],
  ];
  const staged: StagedFile[] = [];
  const discard = () => {
    for (const file of staged) file.discard();
  };
  try {
    for (const [name, text] of files) staged.push(stageFile(join(options.dir, name), text));
  } catch (error) {
    discard();
    throw error;
  }
  return {
    commit() {
      for (const file of staged) file.commit();
    },
    discard,
  };
}
