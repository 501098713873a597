// Watching the data folder for the preview. Node's recursive watch on Linux watches each file it
// found at the start: a file saved by rename (a new file put in place of the old, as many editors
// and `sed -i` do) is a new file it never watches, so later saves went unseen. A folder's watch
// sees every name in it come, go or be replaced; so each folder is watched, and a folder that
// appears is watched from then on.
import { type FSWatcher, readdirSync, watch } from "node:fs";
import { join, sep } from "node:path";

export interface FolderWatch {
  close(): void;
}

/** Calls `changed` whenever a file or folder in `root` or below it is written, renamed, made or removed. */
export function watchFolders(root: string, changed: () => void): FolderWatch {
  const watchers = new Map<string, FSWatcher>();

  function follow(folder: string): void {
    if (watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, () => {
        changed();
        followNew(folder);
      });
    } catch {
      return; // Gone already: the folder's parent saw it go.
    }
    watcher.on("error", () => forget(folder));
    watchers.set(folder, watcher);
    followNew(folder);
  }

  /** Watches the folders inside `folder` not yet watched, and forgets those that are gone. */
  function followNew(folder: string): void {
    let names: string[];
    try {
      names = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(folder, entry.name));
    } catch {
      forget(folder);
      return;
    }
    for (const inner of names) follow(inner);
    for (const watched of watchers.keys())
      if (
        watched.startsWith(`${folder}${sep}`) &&
        !watched.slice(folder.length + 1).includes(sep) &&
        !names.includes(watched)
      )
        forget(watched);
  }

  function forget(folder: string): void {
    for (const [watched, watcher] of watchers)
      if (watched === folder || watched.startsWith(`${folder}${sep}`)) {
        watcher.close();
        watchers.delete(watched);
      }
  }

  follow(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
