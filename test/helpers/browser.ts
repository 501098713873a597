/// <reference lib="dom" />
// A static file server on 127.0.0.1 over a built site, and Debian's Chromium driven by
// playwright-core (no browser download: the system binary is used).

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
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

let workerBrowser: Promise<Browser> | undefined;

/** The worker's Chromium, launched again if it failed to launch or has gone. */
async function workerChromium(): Promise<Browser> {
  const current = workerBrowser;
  if (current) {
    const browser = await current.catch(() => undefined);
    if (browser?.isConnected()) return browser;
    // Another file of the worker may have launched it again meanwhile.
    if (workerBrowser !== current) return workerChromium();
  }
  workerBrowser = launchBrowser();
  return workerBrowser;
}

/**
 * A Chromium for one test file, shared with the files that run after it in the same worker
 * (launching one costs about a second of processor time): its `close()` closes the contexts opened
 * through it, and leaves Chromium open for the next file; Chromium ends with the worker. A file
 * still reads its pages in contexts of its own, as in a browser of its own.
 */
export async function sharedBrowser(): Promise<Browser> {
  const browser = await workerChromium();
  const contexts = new Set<BrowserContext>();
  const opened = (context: BrowserContext) => {
    contexts.add(context);
    context.once("close", () => contexts.delete(context));
    return context;
  };
  const own: Partial<Browser> = {
    newContext: async (options) => opened(await browser.newContext(options)),
    newPage: async (options) => {
      const page = await browser.newPage(options);
      opened(page.context());
      return page;
    },
    contexts: () => [...contexts],
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
    },
  };
  return new Proxy(browser, {
    get: (target, property) => {
      if (Object.hasOwn(own, property)) return own[property as keyof Browser];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A desktop window, the viewport pages are lent with unless the borrower names another. */
export const DESKTOP = { width: 1280, height: 800 } as const;

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** Lends a page of the pool, sized to `viewport`, to `use`, and takes it back afterwards. */
export type WithPage = <T>(use: (page: Page) => Promise<T>, viewport?: Viewport) => Promise<T>;

/**
 * Pages of one context, kept open and lent out again: navigating an open page costs Chromium
 * less than opening a new one, and a page that ran axe before compiles it from V8's cache. At
 * most `size` pages are open (vitest runs five concurrent tests of a file at a time); further
 * borrowers wait for one to come back. A page whose borrower failed is closed, not lent again:
 * it may be closed, crashed or mid-navigation, and the next borrower's failure would be
 * misleading.
 */
export function pagePool(context: BrowserContext, size = 5): WithPage {
  const idle: Page[] = [];
  const waiting: (() => void)[] = [];
  let open = 0;
  const take = async (): Promise<Page> => {
    for (;;) {
      const page = idle.pop();
      if (page) return page;
      if (open < size) break;
      await new Promise<void>((wake) => waiting.push(wake));
    }
    open++;
    try {
      return await context.newPage();
    } catch (error) {
      open--;
      waiting.shift()?.();
      throw error;
    }
  };
  const giveBack = async (page: Page, healthy: boolean) => {
    if (healthy && !page.isClosed()) idle.push(page);
    else {
      open--;
      await page.close().catch(() => undefined);
    }
    waiting.shift()?.();
  };
  return async (use, viewport = DESKTOP) => {
    const page = await take();
    let healthy = false;
    try {
      await page.setViewportSize(viewport);
      const result = await use(page);
      healthy = true;
      return result;
    } finally {
      await giveBack(page, healthy);
    }
  };
}

/** A built site served on 127.0.0.1 and a Chromium to read it with. */
export interface SiteInBrowser {
  readonly origin: string;
  /** A pool of pages (see pagePool) in a browser context of its own. */
  pages(options?: BrowserContextOptions, size?: number): Promise<WithPage>;
  /** Closes the browser (see sharedBrowser) and stops the server. */
  close(): Promise<void>;
}

export async function openInBrowser(dir: string): Promise<SiteInBrowser> {
  const server = await serve(dir);
  const browser = await sharedBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    origin: server.origin,
    pages: async (options, size) => pagePool(await browser.newContext(options), size),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** How many CSS pixels the page is wider than its window: above 0, it scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { target: string[] }[];
}

/**
 * The axe rules that judge the colours and underlines the stylesheet gives to the markup, not the
 * words. The pages of every language are the same markup under the same stylesheet, but for the
 * notes that only English and German pages carry (a text shown in Swedish, a list partly in
 * Swedish); pages with those notes keep these rules wherever they run.
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
