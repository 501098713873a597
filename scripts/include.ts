// npm run include -- add URL [--publisher SLUG] | update [SLUG] | remove SLUG
//   [--data DIR] [--today YYYY-MM-DD] [--lang sv|en]
// Includes another Utblick publication's newest recorded release: downloaded, checked against the
// SHA-256 its releases.json lists, validated, stored under DIR/includes/<publisher>/<version>/ and
// pinned in DIR/site.yaml (src/build/include.ts). Nothing is pinned or written on failure. Exit 1
// when anything was refused, 2 for a mistake in the arguments.
import { addInclude, type IncludeOutcome, removeInclude, updateIncludes } from "../src/build/include.js";
import type { MessageKey, MessageValues } from "../src/model/messages.js";
import { absolute, dayOf, readArguments, reportFailure, shown } from "./cli.js";

const USAGE = "includeCommand.usage";
const { values, positionals, lang, tr } = readArguments(
  { data: { type: "string", default: "data" }, today: { type: "string" }, publisher: { type: "string" } },
  USAGE,
  true,
);

/** A mistake in the arguments: the reason and the usage, exit code 2. */
function wrong(key: MessageKey, detail: MessageValues = {}): never {
  console.error(tr("cli.badArguments", { detail: tr(key, detail), usage: tr(USAGE) }));
  process.exit(2);
}

const [action, ...rest] = positionals;
const common = {
  dataDir: absolute(values.data),
  today: dayOf(values.today, tr),
  lang,
  log: (line: string) => console.log(line),
  show: shown,
};
const only = (count: number) => {
  if (rest.length > count) wrong("includeCommand.tooMany", { extra: rest.slice(count).join(" ") });
};

let run: () => Promise<IncludeOutcome>;
if (action === undefined) wrong("includeCommand.noAction");
else if (action === "add") {
  only(1);
  const url = rest[0] ?? wrong("includeCommand.missingAddress");
  run = () => addInclude({ ...common, url, ...(values.publisher ? { publisher: values.publisher } : {}) });
} else if (action === "update") {
  only(1);
  const publisher = rest[0] ?? values.publisher;
  run = () => updateIncludes({ ...common, ...(publisher ? { publisher } : {}) });
} else if (action === "remove") {
  only(1);
  const publisher = rest[0] ?? values.publisher ?? wrong("includeCommand.missingPublisher");
  run = () => removeInclude({ ...common, publisher });
} else wrong("includeCommand.unknownAction", { action });

try {
  const outcome = await run();
  process.exitCode = outcome.ok ? 0 : 1;
} catch (error) {
  // Whatever was written has been undone (src/build/include.ts) before the error reaches here.
  console.error(tr("includeCommand.failed"));
  reportFailure(error, tr);
}
