// Decap CMS's local backend for `npm run edit`: decap-server, in its file-system mode, reads and
// writes the files of the repository on disk, so the web form works without a git host or login.
// It runs as a child process; its requests are answered only on the loopback interface.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";

export interface LocalBackend {
  /** The API address the CMS is configured with. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts decap-server on `port` for the repository at `repositoryRoot`; resolves once it listens. */
export async function startLocalBackend(repositoryRoot: string, port: number): Promise<LocalBackend> {
  const entry = createRequire(import.meta.url).resolve("decap-server");
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: "127.0.0.1",
      MODE: "fs",
      GIT_REPO_DIRECTORY: repositoryRoot,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((ready, fail) => {
    let output = "";
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening on")) ready();
    };
    child.stdout?.on("data", listen);
    child.stderr?.on("data", listen);
    child.once("exit", (code) =>
      fail(new Error(`Det lokala lagret (decap-server) startade inte (kod ${code}):\n${output.trim()}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill();
      }),
  };
}
