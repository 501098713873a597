// The search page: a small accessible interface on Pagefind's JavaScript API. The query, the
// chosen filters, the order and how many pages of results are shown live in the address, so a
// list of results can be shared and restored. What is found can be downloaded as CSV, a file per
// kind of record, made here from the records' JSON files (csv-export.js, bundled by the build from
// src/search/csv-export.ts).
// This is the only script of the site; it runs only on the search page.

const root = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const sortBox = document.getElementById("search-sort");
const filtersBox = document.getElementById("search-filters");
const disclosure = filtersBox.closest("details");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const more = document.getElementById("search-more");
const filterCount = document.getElementById("search-filter-count");
const exportBox = document.getElementById("search-export");
const exportLinks = document.getElementById("search-export-links");
const exportStatus = document.getElementById("search-export-status");
const csvModule = new URL("csv-export.js", document.currentScript.src).href;
const fill = (template, values = {}) =>
  (template ?? "").replace(/\{\{(\w+)\}\}/g, (_, key) => String(values[key] ?? ""));
const label = (name, values) => fill(root.dataset[name], values);
const exportLabel = (name, values) => fill(exportBox.dataset[name], values);
/** The index's filter by kind of record: not shown, read for the downloads. */
const kindFilter = exportBox.dataset.kindFilter;
const kinds = JSON.parse(exportBox.dataset.kinds);

/** Results shown at first, and added by each press of "show more". */
const PAGE_SIZE = 30;
/** Parameters of the address that are not filters. */
const RESERVED = new Set(["q", "sort", "page"]);
/**
 * Pagefind sorts by the data-pagefind-sort keys of the record pages (the start date of projects,
 * every record's title) and leaves out the pages without the key: those follow, as they rank.
 */
const SORTS = { start: { start: "desc" }, title: { title: "asc" } };
/** The records' JSON files fetched at once while a download is made. */
const PARALLEL_FETCHES = 6;

let pagefind;
let allFilters = {};
let latest = 0;
/** The last search's results in their order, and how many of them are shown. */
let found = [];
let shown = 0;
/** How many pages of results the next search shows: as the address says at first, then one. */
let pagesWanted = 1;
/** The filter disclosure opened for a visitor with nothing searched yet, until they use it. */
let openedForStart = false;

/** The state in the address: ?q=water&sort=start&page=2&Countries=Sweden&Countries=Finland */
function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [key, value] of params) {
    if (RESERVED.has(key)) continue;
    filters[key] = [...(filters[key] ?? []), value];
  }
  const sort = Object.hasOwn(SORTS, params.get("sort") ?? "") ? params.get("sort") : "";
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  return { query: params.get("q") ?? "", filters, sort, page };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
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
  return { query: input.value.trim(), filters, sort: sortBox.value, page: Math.max(1, Math.ceil(shown / PAGE_SIZE)) };
}

function renderFilters(state) {
  filtersBox.replaceChildren();
  Object.entries(allFilters)
    .filter(([name]) => name !== kindFilter)
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

const pagefindFilters = (filters) =>
  Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));

/** The results of a query and filters in the chosen order; with a sort, those without its key last. */
async function find(query, filters, sort) {
  const search = await pagefind.search(query || null, { filters });
  if (!search || !SORTS[sort]) return search;
  const sorted = await pagefind.search(query || null, { filters, sort: SORTS[sort] });
  if (!sorted) return search;
  const first = new Set(sorted.results.map((result) => result.id));
  return { ...search, results: [...sorted.results, ...search.results.filter((result) => !first.has(result.id))] };
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const type = document.createElement("p");
  type.className = "meta result-type";
  // The record's kind, and when its sources spoke: an excerpt never stands without its date.
  type.textContent = [data.meta.type, data.meta.described].filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, type, excerpt);
  return item;
}

function announce(query) {
  status.textContent =
    found.length === 0
      ? label("labelNone", { query })
      : label(found.length === 1 ? "labelOne" : "labelMany", { count: found.length, shown, query });
  more.hidden = shown >= found.length;
}

/** Shows results up to `upTo`; gives the first item added, or undefined when the search went stale. */
async function showUpTo(upTo, ticket) {
  const slice = found.slice(shown, upTo);
  const data = await Promise.all(slice.map((result) => result.data()));
  if (ticket !== latest) return undefined;
  const items = data.map(resultItem);
  results.append(...items);
  shown += items.length;
  return items[0];
}

async function run() {
  const state = currentState();
  const ticket = ++latest;
  const filters = pagefindFilters(state.filters);
  if (!state.query && Object.keys(filters).length === 0) {
    found = [];
    shown = 0;
    writeState({ ...state, page: 1 });
    results.replaceChildren();
    more.hidden = true;
    status.textContent = label("labelEmpty");
    updateCounts(allFilters);
    updateExport({});
    return;
  }
  const search = await find(state.query, filters, state.sort);
  if (ticket !== latest) return;
  updateCounts(search.filters);
  found = search.results;
  shown = 0;
  results.replaceChildren();
  if ((await showUpTo(pagesWanted * PAGE_SIZE, ticket)) === undefined && ticket !== latest) return;
  writeState(currentState());
  announce(state.query);
  updateExport(search.filters);
}

/** "Show more": the next page of results; focus goes to the first of them, so reading goes on there. */
async function showMore() {
  const ticket = latest;
  const first = await showUpTo(shown + PAGE_SIZE, ticket);
  if (!first) return;
  writeState(currentState());
  announce(input.value.trim());
  first.querySelector("a").focus();
}

/** Any change of the query, the filters or the order starts again from the first page. */
function restart() {
  pagesWanted = 1;
  run();
}

let timer;
function schedule() {
  clearTimeout(timer);
  if (openedForStart && input.value.trim()) {
    // The filters were open to show what there is; the results now come first.
    disclosure.open = false;
    openedForStart = false;
  }
  timer = setTimeout(restart, 200);
}

/** The kinds of the records found, each with its count (from the search's own counts): one download each. */
function updateExport(counts) {
  exportLinks.replaceChildren(
    ...Object.keys(kinds)
      .map((kind) => [kind, found.length === 0 ? 0 : (counts?.[kindFilter]?.[kind] ?? 0)])
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.kind = kind;
        button.textContent = exportLabel(count === 1 ? "labelOne" : "labelMany", { kind: kinds[kind].label, count });
        item.append(button);
        return item;
      }),
  );
  exportStatus.textContent = "";
  exportBox.hidden = exportLinks.childElementCount === 0;
}

/** Fetches each record's JSON file, a few at a time, in the order given. */
async function fetchRecords(urls) {
  const records = new Array(urls.length);
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const index = next++;
      const response = await fetch(urls[index]);
      if (!response.ok) throw new Error(`${urls[index]}: ${response.status}`);
      records[index] = await response.json();
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, urls.length) }, worker));
  return records;
}

/** Makes and downloads the CSV of the records of one kind that the current search finds, in its order. */
async function download(kind) {
  const csv = await import(csvModule);
  const state = currentState();
  const filters = pagefindFilters({ ...state.filters, [kindFilter]: [kind] });
  const search = await find(state.query, filters, state.sort);
  exportStatus.textContent = exportLabel("labelWorking", { count: search.results.length });
  const pages = await Promise.all(search.results.map((result) => result.data()));
  const sections = Object.fromEntries(Object.entries(kinds).map(([name, described]) => [name, described.section]));
  const ids = pages
    .map((page) => csv.recordOfPage(page.url, root.dataset.siteUrl, sections))
    .filter((record) => record?.kind === kind)
    .map((record) => record.id);
  const dataRoot = new URL(exportBox.dataset.dataUrl, location.href);
  const records = await fetchRecords(ids.map((id) => new URL(`${kind}/${id}.json`, dataRoot).href));
  const dialect = exportBox.querySelector("input[name=export-format]:checked")?.value ?? "standard";
  const text = csv.recordsCsv(kinds[kind].columns, records, dialect);
  const file = csv.exportFileName(kind, new Date(), dialect);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  exportStatus.textContent = exportLabel("labelDone", { count: records.length, file });
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
  sortBox.value = state.sort;
  pagesWanted = state.page;
  renderFilters(state);
  updateCounts(allFilters);
  if (!state.query && Object.keys(state.filters).length === 0) {
    // Nothing searched yet: what can be chosen, with its counts, is the way in.
    disclosure.open = true;
    openedForStart = true;
  }
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    restart();
  });
  disclosure.querySelector("summary").addEventListener("click", () => {
    openedForStart = false;
  });
  input.addEventListener("input", schedule);
  sortBox.addEventListener("change", restart);
  filtersBox.addEventListener("change", restart);
  more.addEventListener("click", () => showMore().catch((error) => console.error(error)));
  exportLinks.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-kind]");
    if (!button) return;
    download(button.dataset.kind).catch((error) => {
      exportStatus.textContent = exportLabel("labelFailed");
      console.error(error);
    });
  });
  await run();
}

start().catch((error) => {
  status.textContent = label("labelFailed");
  console.error(error);
});
