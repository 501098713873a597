// A copy of a fixture data directory in a temporary repository folder, for tests that save files
// (the web editor, the preview); the repository's data/ is never written.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { buildDay } from "../../src/model/today.js";
import { type DevServer, startDevServer } from "../../src/preview/server.js";

export interface TempData {
  /** The folder the CMS backend serves, holding `data/`. */
  readonly root: string;
  readonly dataDir: string;
  remove(): void;
}

export function copyFixture(fixture: string): TempData {
  const root = mkdtempSync(join(tmpdir(), "utblick-edit-"));
  const dataDir = join(root, "data");
  cpSync(fixture, dataDir, { recursive: true });
  return { root, dataDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A port free at this moment on the loopback interface (for decap-server, which needs a number). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as { port: number };
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

/** Polls until `check` gives a value (not undefined, not a rejection), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  what = "the condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

/** A preview of a copy of a fixture for one test file: started before its tests, stopped after. */
export function previewOfFixture(fixture: string): { readonly data: () => TempData; readonly server: () => DevServer } {
  let data: TempData | undefined;
  let server: DevServer | undefined;
  beforeAll(async () => {
    data = copyFixture(fixture);
    server = await startDevServer({
      dataDir: data.dataDir,
      today: buildDay("2026-11-26"),
      port: 0,
      log: () => undefined,
    });
    await server.state();
  });
  afterAll(async () => {
    await server?.close();
    data?.remove();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the preview is started before the tests");
    return value;
  };
  return { data: () => started(data), server: () => started(server) };
}
