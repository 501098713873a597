// npm run preview [-- --dir _site --data data --port 8080 --host 127.0.0.1]: serves the built site
// as the generated nginx configuration would, below its base path: a missing page gets the 404 page
// of its language with the status 404, foreign section names redirect, the root picks a language.
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { join } from "node:path";
import sirv from "sirv";
import { parse } from "yaml";
import type { Lang } from "../src/core/languages.js";
import { notFoundPageFor, redirectFor } from "../src/deploy/preview.js";
import { publicationOf, SECURITY_HEADERS } from "../src/deploy/rules.js";
import { readArguments } from "./cli.js";

const { values } = readArguments(
  {
    dir: { type: "string", default: "_site" },
    data: { type: "string", default: "data" },
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
  },
  "cli.preview.usage",
);

// The site was built from this site.yaml; the build has validated it.
const site = parse(readFileSync(join(values.data, "site.yaml"), "utf8")) as {
  base_url: string;
  languages: Lang[];
};
const publication = publicationOf(site);
const withHeaders = (res: ServerResponse) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
};
const files = sirv(values.dir, { dev: true, dotfiles: false, setHeaders: withHeaders });

function notFound(res: ServerResponse, sitePath: string): void {
  const page = notFoundPageFor(publication, sitePath);
  withHeaders(res);
  res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
  try {
    res.end(readFileSync(join(values.dir, page)));
  } catch {
    res.end(`Not found (and no ${page} in ${values.dir}/: build the site first)\n`);
  }
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://preview");
  const redirect = redirectFor(publication, url.pathname, req.headers["accept-language"]);
  if (redirect) {
    res.writeHead(redirect.status, { Location: `${redirect.location}${url.search}`, Vary: "Accept-Language" });
    res.end();
    return;
  }
  if (!url.pathname.startsWith(publication.base)) return notFound(res, "/");
  const sitePath = `/${url.pathname.slice(publication.base.length)}`;
  req.url = `${sitePath}${url.search}`;
  files(req, res, () => notFound(res, sitePath));
});

server.listen(Number(values.port), values.host, () => {
  console.log(`Preview of ${values.dir}/ on http://${values.host}:${values.port}${publication.base}`);
});
