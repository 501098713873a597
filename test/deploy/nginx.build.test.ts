// The generated nginx configuration, run by the real server: a fixture site built at a host's
// root and below a path, served by nginx on a loopback port with a private prefix (as root or
// not, without /etc/nginx), and asked over HTTP. nginx is stopped by its own PID file.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { availableLanguages } from "../../src/core/languages.js";
import { contentTypeOf } from "../../src/core/media-types.js";
import { feedUrl, hrefOf, routeNames, type Section } from "../../src/core/routes.js";
import { NGINX_SERVER_FILE } from "../../src/deploy/write.js";
import { buildDay } from "../../src/model/today.js";
import { TODAY } from "../helpers/built-site.js";
import { languagesOf } from "../helpers/shared-sites.js";

const LANGUAGES = languagesOf("test/fixtures/valid/minimal");

interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

function nginxMissing(): string | undefined {
  const probe = spawnSync("nginx", ["-v"], { encoding: "utf8" });
  return probe.error
    ? "nginx is not installed: install it with `apt-get install nginx` (Debian), then run the tests again"
    : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(dir, `${prefix}/${entry.name}`) : [`${prefix}/${entry.name}`],
  );
}

interface Served {
  readonly port: number;
  readonly base: string;
  readonly siteDir: string;
  readonly check: { status: number | null; output: string };
  url(sitePath: string): string;
}

/** Builds the minimal fixture at `base`, writes the generated config, checks it and starts nginx. */
async function serveWithNginx(work: string, base: string): Promise<Served> {
  const port = await freePort();
  const data = join(work, "data");
  cpSync("test/fixtures/valid/minimal", data, { recursive: true });
  const siteYaml = join(data, "site.yaml");
  writeFileSync(
    siteYaml,
    readFileSync(siteYaml, "utf8").replace(/^base_url: .*$/m, `base_url: https://www.example-kommun.se${base}`),
  );
  const www = join(work, "www");
  const siteDir = join(www, base);
  mkdirSync(www, { recursive: true });
  const deploy = join(work, "deploy");
  const result = await build({
    dataDir: data,
    outputDir: siteDir,
    today: buildDay(TODAY),
    log: () => undefined,
    serverConfig: { dir: deploy, root: www, listen: `127.0.0.1:${port}` },
  });
  if (!result.ok) throw new Error("the fixture did not build");
  // A probe for the one media type the site does not write yet.
  writeFileSync(join(siteDir, "probe.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  // nginx's workers run as nobody when the tests run as root: they must be able to read the site.
  for (const dir of [work, www, siteDir]) chmodSync(dir, 0o755);
  const prefix = join(work, "nginx");
  mkdirSync(join(prefix, "temp"), { recursive: true });
  const conf = join(prefix, "nginx.conf");
  writeFileSync(
    conf,
    `worker_processes 1;
error_log ${prefix}/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${prefix}/temp/body;
    proxy_temp_path ${prefix}/temp/proxy;
    fastcgi_temp_path ${prefix}/temp/fastcgi;
    uwsgi_temp_path ${prefix}/temp/uwsgi;
    scgi_temp_path ${prefix}/temp/scgi;
    include ${join(deploy, NGINX_SERVER_FILE)};
}
`,
  );
  const args = ["-p", prefix, "-e", join(prefix, "error.log"), "-c", conf];
  const tested = spawnSync("nginx", ["-t", ...args, "-g", `pid ${prefix}/nginx.pid;`], { encoding: "utf8" });
  const check = { status: tested.status, output: `${tested.stdout}${tested.stderr}` };
  if (tested.status === 0) {
    const started = spawnSync("nginx", [...args, "-g", `daemon on; pid ${prefix}/nginx.pid;`], { encoding: "utf8" });
    if (started.status !== 0) throw new Error(`nginx did not start:\n${started.stderr}`);
  }
  return { port, base, siteDir, check, url: (sitePath) => hrefOf(base, sitePath) };
}

async function stopNginx(work: string): Promise<void> {
  const pidFile = join(work, "nginx", "nginx.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  process.kill(pid, "SIGQUIT");
  for (let tries = 0; tries < 100 && existsSync(pidFile); tries++) await new Promise((done) => setTimeout(done, 50));
}

const missing = nginxMissing();

describe.each(["/", "/internationellt/"])("nginx serving the site at %s", (base) => {
  const work = mkdtempSync(join(tmpdir(), "utblick-nginx-"));
  let site: Served;
  const fetchPath = (sitePath: string, headers?: Record<string, string>) => get(site.port, site.url(sitePath), headers);

  beforeAll(async () => {
    // Without nginx these tests fail, never skip: CI must install it.
    if (missing) throw new Error(missing);
    site = await serveWithNginx(work, base);
  });
  afterAll(async () => {
    await stopNginx(work);
    rmSync(work, { recursive: true, force: true });
  });

  it("accepts the generated configuration (nginx -t)", () => {
    expect(site.check.output).not.toMatch(/\[(emerg|warn)\]/);
    expect(site.check.status).toBe(0);
  });

  it.runIf(base !== "/")("leads the path without its slash to the site", async () => {
    const answer = await get(site.port, base.slice(0, -1));
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(base);
  });

  it("serves every language's home page with status 200", async () => {
    for (const lang of LANGUAGES) expect((await fetchPath(`/${lang}/`)).status).toBe(200);
  });

  it("answers a missing page with status 404 and the 404 page in the language of its address", async () => {
    for (const lang of LANGUAGES) {
      const answer = await fetchPath(`/${lang}/${routeNames(lang).sections.projects}/no-such-project/`);
      expect(answer.status).toBe(404);
      expect(answer.body.toString("utf8")).toContain(`<html lang="${lang}"`);
    }
    const outside = await fetchPath("/fr/");
    expect(outside.status).toBe(404);
    expect(outside.body.toString("utf8")).toContain("<html lang=");
  });

  it("redirects a section's name in another language to the address's language, for every section, with 301", async () => {
    for (const lang of LANGUAGES)
      for (const other of availableLanguages())
        for (const section of Object.keys(routeNames(lang).sections) as Section[]) {
          const own = routeNames(lang).sections[section];
          const foreign = routeNames(other).sections[section];
          if (foreign === own) continue;
          const answer = await fetchPath(`/${lang}/${foreign}/some-id/`);
          expect(answer.status, `/${lang}/${foreign}/some-id/`).toBe(301);
          expect(answer.headers.location).toBe(site.url(`/${lang}/${own}/some-id/`));
        }
  });

  it("leads a partner from /de/projects/<id>/ to the German page of the project", async () => {
    const answer = await fetchPath("/de/projects/renare-vatten/");
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(site.url("/de/projekte/renare-vatten/"));
    expect((await get(site.port, String(answer.headers.location))).status).toBe(200);
    expect((await fetchPath("/en/projects/jahr/2020/")).headers.location).toBe(site.url("/en/projects/year/2020/"));
    expect((await fetchPath("/de/projekte/status/ongoing/")).headers.location).toBe(
      site.url("/de/projekte/status/laufend/"),
    );
  });

  it("sends the security headers with pages, data and errors, the CSP as a header too", async () => {
    for (const path of ["/sv/", "/data/utblick.json", "/sv/nothing/"]) {
      const { headers } = await fetchPath(path);
      expect(headers["content-security-policy"]).toMatch(/default-src 'self'.*frame-ancestors/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
    }
  });

  it("sends each kind of file with its media type, text with charset=utf-8", async () => {
    const files = walk(site.siteDir);
    const first = (pattern: RegExp) => {
      const file = files.find((name) => pattern.test(name));
      if (!file) throw new Error(`no file matches ${pattern}`);
      return file;
    };
    const expected: [RegExp, string][] = [
      [/\.csv$/, "text/csv; charset=utf-8"],
      [/\.json$/, "application/json; charset=utf-8"],
      [/\.jsonld$/, "application/ld+json; charset=utf-8"],
      [/\.rdf$/, "application/rdf+xml; charset=utf-8"],
      [/^\/sitemap\.xml$/, "application/xml; charset=utf-8"],
      [/\/feed\.xml$/, "application/atom+xml; charset=utf-8"],
      [/\.pagefind$/, "application/octet-stream"],
      [/\.pf_meta$/, "application/octet-stream"],
      [/\.wasm$/, "application/wasm"],
      [/SHA256SUMS$/, "text/plain; charset=utf-8"],
      [/\.css$/, "text/css; charset=utf-8"],
      [/\.html$/, "text/html; charset=utf-8"],
    ];
    for (const [pattern, type] of expected) {
      const file = first(pattern);
      expect((await fetchPath(file)).headers["content-type"], file).toBe(type);
    }
  });

  it("sends every kind of file with the type the editor's preview sends (one table, src/core/media-types.ts)", async () => {
    // One file per name ending (extension, or the whole name without one) and every feed.
    const ending = (file: string) => /\.([^./]+)$/.exec(file)?.[1] ?? file.split("/").pop();
    const files = [...new Map(walk(site.siteDir).map((file) => [ending(file), file])).values()];
    for (const file of [...files, ...LANGUAGES.map(feedUrl)])
      expect((await fetchPath(file)).headers["content-type"], file).toBe(contentTypeOf(file));
  });

  it("compresses text with gzip, and leaves Pagefind's compressed files as they are", async () => {
    for (const path of ["/sv/", "/data/utblick.json", "/assets/style.css"]) {
      const answer = await fetchPath(path, { "Accept-Encoding": "gzip" });
      expect(answer.headers["content-encoding"], path).toBe("gzip");
    }
    const fragment = walk(site.siteDir).find((name) => name.endsWith(".pf_fragment"))!;
    expect((await fetchPath(fragment, { "Accept-Encoding": "gzip" })).headers["content-encoding"]).toBeUndefined();
  });

  it("lets Pagefind's hashed files be cached for a year, and pages, data and Pagefind's entry files briefly", async () => {
    const files = walk(site.siteDir);
    const maxAge = async (path: string) => {
      const control = String((await fetchPath(path)).headers["cache-control"]);
      return control.includes("no-cache") ? 0 : Number(/max-age=(\d+)/.exec(control)?.[1]);
    };
    for (const hashed of [/\.pf_fragment$/, /\.pf_index$/, /\.pf_meta$/]) {
      const file = files.find((name) => hashed.test(name))!;
      expect(await maxAge(file), file).toBeGreaterThanOrEqual(365 * 24 * 3600);
      expect(String((await fetchPath(file)).headers["cache-control"])).toContain("immutable");
    }
    for (const path of ["/sv/", "/data/utblick.json", "/pagefind/sv/pagefind-entry.json", "/pagefind/sv/pagefind.js"])
      expect(await maxAge(path), path).toBeLessThanOrEqual(3600);
  });

  it("sends the root to the reader's language with 302 when the browser names one, and shows the chooser otherwise", async () => {
    const german = await get(site.port, base, { "Accept-Language": "de-DE,de;q=0.9,en;q=0.8" });
    expect(german.status).toBe(302);
    expect(german.headers.location).toBe(site.url("/de/"));
    expect(String(german.headers.vary)).toContain("Accept-Language");
    for (const headers of [{}, { "Accept-Language": "fr-FR,fr;q=0.9" }] as Record<string, string>[]) {
      const chooser = await get(site.port, base, headers);
      expect(chooser.status).toBe(200);
      expect(String(chooser.headers.vary)).toContain("Accept-Language");
      for (const lang of LANGUAGES) expect(chooser.body.toString("utf8")).toContain(`href="${site.url(`/${lang}/`)}"`);
    }
  });
});
