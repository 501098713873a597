// The search page: a small accessible interface on Pagefind's JavaScript API. The query and the
// chosen filters live in the address, so a list of results can be shared and restored.
// This is the only script of the site; it runs only on the search page.

const root = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const filtersBox = document.getElementById("search-filters");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const filterCount = document.getElementById("search-filter-count");
const label = (name, values = {}) =>
  (root.dataset[name] ?? "").replace(/\{\{(\w+)\}\}/g, (_, key) => String(values[key] ?? ""));

const MAX_RESULTS = 30;
let pagefind;
let allFilters = {};
let latest = 0;

/** Query and filters from the address: ?q=water&Countries=Sweden&Countries=Finland */
function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [key, value] of params) {
    if (key === "q") continue;
    filters[key] = [...(filters[key] ?? []), value];
  }
  return { query: params.get("q") ?? "", filters };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.append(name, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
  // The same query in another language: filter values are named per language, the query is not.
  for (const link of document.querySelectorAll(".languages a[hreflang]")) {
    link.dataset.base ??= link.getAttribute("href");
    link.href = state.query ? `${link.dataset.base}?${new URLSearchParams({ q: state.query })}` : link.dataset.base;
  }
  const active = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
  filterCount.textContent = active > 0 ? label("labelActive", { count: active }) : "";
}

function currentState() {
  const filters = {};
  for (const box of filtersBox.querySelectorAll("input[type=checkbox]:checked"))
    filters[box.name] = [...(filters[box.name] ?? []), box.value];
  return { query: input.value.trim(), filters };
}

function renderFilters(state) {
  filtersBox.replaceChildren();
  Object.entries(allFilters)
    .sort(([a], [b]) => a.localeCompare(b, document.documentElement.lang))
    .forEach(([name, values], groupIndex) => {
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = name;
      fieldset.append(legend);
      Object.keys(values)
        .sort((a, b) => a.localeCompare(b, document.documentElement.lang, { numeric: true }))
        .forEach((value, index) => {
          const id = `filter-${groupIndex}-${index}`;
          const box = document.createElement("input");
          box.type = "checkbox";
          box.id = id;
          box.name = name;
          box.value = value;
          box.checked = (state.filters[name] ?? []).includes(value);
          const text = document.createElement("label");
          text.htmlFor = id;
          text.dataset.value = value;
          const wrapper = document.createElement("div");
          wrapper.className = "filter-option";
          wrapper.append(box, text);
          fieldset.append(wrapper);
        });
      filtersBox.append(fieldset);
    });
}

/** Shows each option's count; options that would give nothing are hidden unless chosen. */
function updateCounts(counts) {
  for (const text of filtersBox.querySelectorAll("label[data-value]")) {
    const box = text.previousElementSibling;
    const count = counts?.[box.name]?.[text.dataset.value] ?? 0;
    text.textContent = `${text.dataset.value} (${count})`;
    text.parentElement.hidden = count === 0 && !box.checked;
  }
  for (const fieldset of filtersBox.querySelectorAll("fieldset")) {
    fieldset.hidden = [...fieldset.querySelectorAll(".filter-option")].every((option) => option.hidden);
  }
}

/** Pagefind's excerpt marks the matches with <mark>; keep those and plain text, nothing else. */
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
  const nodes = [];
  for (const node of parsed.body.firstChild.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent));
    else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ""));
  }
  return nodes;
}

async function run() {
  const state = currentState();
  writeState(state);
  const ticket = ++latest;
  const filters = Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }]));
  if (!state.query && Object.keys(filters).length === 0) {
    results.replaceChildren();
    status.textContent = label("labelEmpty");
    updateCounts(allFilters);
    return;
  }
  const search = await pagefind.search(state.query || null, { filters });
  if (ticket !== latest) return;
  updateCounts(search.filters);
  const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  if (ticket !== latest) return;
  results.replaceChildren(
    ...found.map((data) => {
      const item = document.createElement("li");
      const heading = document.createElement("h2");
      const link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.meta.title ?? data.url;
      heading.append(link);
      const type = document.createElement("p");
      type.className = "meta result-type";
      type.textContent = data.meta.type ?? "";
      const excerpt = document.createElement("p");
      excerpt.append(...excerptNodes(data.excerpt));
      item.append(heading, type, excerpt);
      return item;
    }),
  );
  status.textContent =
    search.results.length === 0
      ? label("labelNone", { query: state.query })
      : label(search.results.length === 1 ? "labelOne" : "labelMany", {
          count: search.results.length,
          shown: found.length,
          query: state.query,
        });
}

let timer;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
}

async function start() {
  // A language's index may come in several bundles; the first loads, the others are merged into it.
  // The page names the first bundle, the manifest and the site's root, below the site's base path.
  // The manifest lists the bundles relative to itself; Pagefind's results are site paths.
  const manifest = new URL(root.dataset.bundlesUrl, location.href);
  const baseUrl = root.dataset.siteUrl;
  pagefind = await import(new URL("pagefind.js", new URL(root.dataset.bundleUrl, location.href)).href);
  await pagefind.options({ excerptLength: 24, baseUrl });
  await pagefind.init();
  const bundles = await (await fetch(manifest)).json();
  for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(new URL(bundle, manifest).href, { baseUrl });
  allFilters = await pagefind.filters();
  const state = readState();
  input.value = state.query;
  renderFilters(state);
  updateCounts(allFilters);
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", schedule);
  filtersBox.addEventListener("change", run);
  await run();
}

start().catch((error) => {
  status.textContent = label("labelFailed");
  console.error(error);
});
