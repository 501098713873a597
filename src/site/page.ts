// What a page of the site is, before the layout wraps it.
import type { Html } from "../core/html.js";
import type { Lang } from "../core/languages.js";

export type PageKind =
  | "language-chooser"
  | "home"
  | "project-list"
  | "project-status"
  | "project-year"
  | "project-publisher"
  | "project"
  | "partnership-list"
  | "partnership"
  | "network-list"
  | "network"
  | "organisation-list"
  | "organisation"
  | "programme-list"
  | "programme"
  | "country-list"
  | "country"
  | "theme-list"
  | "theme"
  | "sdg-list"
  | "sdg"
  | "open-data"
  | "data-dictionary"
  | "search"
  | "about"
  | "accessibility"
  | "easy-read"
  | "statistics"
  | "map"
  | "not-found";

export interface Breadcrumb {
  readonly label: string;
  readonly url: string;
}

export interface Page {
  readonly url: string;
  readonly lang: Lang;
  readonly kind: PageKind;
  readonly title: string;
  readonly description?: string;
  /** The same page in each language (itself included), for the switcher and hreflang. */
  readonly alternates: Readonly<Record<Lang, string>>;
  readonly breadcrumbs?: readonly Breadcrumb[];
  /** The record this page shows, "kind/id", for search metadata and tests. */
  readonly record?: string;
  /** Search facets of this page: name to values. Only record pages carry them. */
  readonly filters?: () => Readonly<Record<string, readonly string[]>>;
  /** Pagefind sort key (a start date) for the record. */
  readonly sortKey?: string;
  /** When the record's sources spoke ("As described in September 2017"), shown with its search result. */
  readonly described?: string;
  /** Whether Pagefind indexes this page. */
  readonly searchable?: boolean;
  /** Scripts this page loads; only the search page has any. */
  readonly scripts?: readonly string[];
  /** Extra CSP sources for scripts (Pagefind needs WebAssembly). */
  readonly scriptPolicy?: string;
  readonly stylesheets?: readonly string[];
  readonly jsonLd?: () => unknown;
  /** Not in the sitemap (error pages). */
  readonly unlisted?: boolean;
  readonly content: () => Html;
}
