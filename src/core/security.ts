// The security policy of the site. Each page carries its own Content-Security-Policy as a meta
// element (it travels with the files to any host); a server that sends headers sends the policy
// every page fits in, with what only a header can say (src/deploy/).

/** What the search page needs beyond 'self': Pagefind looks up its index in WebAssembly. */
export const SEARCH_SCRIPT_SOURCES = "'wasm-unsafe-eval'";

/**
 * The policy of a page: scripts only from the site itself, and only on pages that have any
 * (`scripts` lists the extra sources such a page needs, e.g. SEARCH_SCRIPT_SOURCES).
 */
export function contentSecurityPolicy(scripts: { readonly allowed: boolean; readonly extra?: string }): string {
  const scriptSrc = scripts.allowed ? `'self'${scripts.extra ? ` ${scripts.extra}` : ""}` : "'none'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The referrer policy, the same in the pages' meta element and in the server's header. */
export const REFERRER_POLICY = "strict-origin-when-cross-origin";
