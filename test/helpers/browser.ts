/// <reference lib="dom" />
// A static file server on 127.0.0.1 over a built site, and Debian's Chromium driven by
// playwright-core (no browser download: the system binary is used).

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import sirv from "sirv";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function serve(dir: string): Promise<StaticServer> {
  const handler = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((request, response) =>
    handler(request, response, () => {
      response.statusCode = 404;
      response.end(readFileSync(`${dir}/404.html`));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Lends a page of the pool to `use` and takes it back afterwards, whatever `use` did. */
export type WithPage = <T>(use: (page: Page) => Promise<T>) => Promise<T>;

/**
 * Pages of one context, kept open and lent out again: navigating an open page costs Chromium
 * less than opening a new one, and a page that ran axe before compiles it from V8's cache. At
 * most `size` pages are open; further borrowers wait for one to come back. A borrower sets the
 * viewport it needs: a page comes back as its last borrower left it.
 */
export function pagePool(context: BrowserContext, size = 4): WithPage {
  const idle: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];
  let open = 0;
  const take = async (): Promise<Page> => {
    const page = idle.pop();
    if (page) return page;
    if (open >= size) return new Promise((resolve) => waiting.push(resolve));
    open++;
    return context.newPage().catch((error: unknown) => {
      open--;
      throw error;
    });
  };
  const giveBack = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };
  return async (use) => {
    const page = await take();
    try {
      return await use(page);
    } finally {
      giveBack(page);
    }
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { target: string[] }[];
}

/**
 * The axe rules that read only the colours and decorations the stylesheet gives, never the
 * words: the same templates and stylesheet make the same findings in every language.
 */
export const STYLESHEET_RULES = ["color-contrast", "link-in-text-block"] as const;

/**
 * Runs axe-core on the page for WCAG 2.0/2.1 A and AA, but for the rules in `except`; the page's
 * context must bypass CSP.
 */
export async function axeViolations(page: Page, except: readonly string[] = []): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (except) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: Object.fromEntries(except.map((rule) => [rule, { enabled: false }])),
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  }, except);
}
