// The one rule for addresses in the data: a web address in a URL field and a link in a Markdown
// text are judged by the same functions, so no address a field refuses can reach a page as a link.
import { domainToASCII } from "node:url";

/** Why a web address is refused. */
export type WebUrlProblem = "scheme" | "credentials" | "host" | "malformed";

/** Why a mail address is refused: `query` when it holds ? or &, which a mailto: link reads as header fields. */
export type EmailProblem = "query" | "malformed";

export type LinkProblem =
  | { readonly kind: "web"; readonly problem: WebUrlProblem; readonly url: string }
  | { readonly kind: "email"; readonly problem: EmailProblem; readonly address: string };

const SCRIPT_SCHEME = /^\s*(?:javascript|data|vbscript):/i;
const WEB_URL = /^https?:\/\/[^\s/$.?#]\S*$/i;
/** A user name or password: an @ before the path. */
const CREDENTIALS = /^https?:\/\/[^/?#]*@/i;
/** The host and port as written: up to the path, query or fragment (a backslash counts as a slash). */
const AUTHORITY = /^https?:\/\/([^/?#\\]*)/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A host name of letters, digits and hyphens (after IDNA), an IPv4 address or a bracketed IPv6 address. */
function validHostname(hostname: string): boolean {
  if (hostname.startsWith("[")) return hostname.endsWith("]");
  if (IPV4.test(hostname)) return true;
  const labels = hostname.split(".");
  // A last label of digits only would make the name an IPv4 address the parser rewrote.
  return hostname.length <= 253 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels.at(-1) ?? "");
}

/**
 * Why an absolute http(s) address is refused, or undefined. The WHATWG parser reads the address
 * as a browser will; the host must be a valid one and the one written (the parser silently turns
 * `0x7f.1` into 127.0.0.1 and `a%2Eb` into a.b), with no user name or password.
 */
export function webUrlProblem(value: string): WebUrlProblem | undefined {
  if (SCRIPT_SCHEME.test(value)) return "scheme";
  if (CREDENTIALS.test(value)) return "credentials";
  if (!WEB_URL.test(value) || !URL.canParse(value)) return "malformed";
  const url = new URL(value);
  if (url.username !== "" || url.password !== "") return "credentials";
  const written = (AUTHORITY.exec(value)?.[1] ?? "").toLowerCase();
  // An international name is written in Unicode; the parser gives its ASCII (punycode) form.
  const [name = "", port] = written.split(/:(?=\d*$)/);
  const ascii = `${/[^\x20-\x7e]/.test(name) ? domainToASCII(name) : name}${port === undefined ? "" : `:${port}`}`;
  return validHostname(url.hostname) && ascii === url.host ? undefined : "host";
}

const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u;

/** Why a mail address is refused, or undefined: a plain address, nothing a mailto: link would read as a query. */
export function emailProblem(value: string): EmailProblem | undefined {
  if (EMAIL.test(value)) return undefined;
  return /[?&]/.test(value) ? "query" : "malformed";
}

/**
 * Why the target of a link in a text is refused, or undefined. Web addresses (also `//host/…`,
 * which a browser opens with the page's scheme) and mailto: links follow the rules of the URL and
 * e-mail fields. Relative links stay on the site; other schemes are the renderer's to drop.
 */
export function linkProblem(href: string): LinkProblem | undefined {
  const web = href.startsWith("//") ? `https:${href}` : href;
  if (/^https?:/i.test(web)) {
    const problem = webUrlProblem(web);
    return problem ? { kind: "web", problem, url: href } : undefined;
  }
  if (/^mailto:/i.test(href)) {
    let address: string;
    try {
      address = decodeURIComponent(href.slice("mailto:".length));
    } catch {
      return { kind: "email", problem: "malformed", address: href };
    }
    const problem = emailProblem(address);
    return problem ? { kind: "email", problem, address: href } : undefined;
  }
  return undefined;
}
