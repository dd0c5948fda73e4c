// Writes i18n/client-keys.json: for each page (and for the layouts), the catalogue keys its browser code can show,
// so a page sends the browser only those (app/_i18n/client-messages.tsx) instead of the whole catalogue.
//   node --import tsx scripts/i18n-client-keys.ts          write it
//   node --import tsx scripts/i18n-client-keys.ts --check  exit 1 when the committed file is stale
//
// What a page's browser code can show, found from the sources:
// - the client modules: "use client" files reachable from the page's files, and everything they import;
// - in those, the namespaces opened with useTranslations("ns") and the literal keys (or fixed starts of template
//   keys) named in the page's files — a key under an opened namespace counts if any of them names it;
// - message references (msg("ns.key")) that can reach the browser as data, when a client module renders them
//   (useMessage): those named in the server code the page runs, the server actions its client modules call, and
//   the route handlers they fetch (/api/...); and, when the browser code follows a job, every sentence a job stores.
// Over-counting is safe (a key sent but not shown); the e2e walk fails on any key the browser lacks.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeOrCheck } from "./generated-file";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const APP = path.join(root, "app");
export const CLIENT_KEYS_FILE = path.join(root, "i18n", "client-keys.json");

/** Where stored sentences are written (the job runners and the database layer), and the routes that read them back. */
const STORED = [path.join(root, "lib", "jobs") + path.sep, path.join(root, "lib", "db") + path.sep];
const JOB_ROUTES = [path.join(APP, "api", "jobs") + path.sep, path.join(APP, "api", "imports") + path.sep];

type Module = { client: boolean; action: boolean; imports: string[]; routes: string[]; names: Names };
type Names = { namespaces: Set<string>; literals: Set<string>; prefixes: string[]; references: Set<string>; referencePrefixes: string[]; rendersReferences: boolean };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null; // a package
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.(ts|tsx)$/.test(c) && fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** The route handler a fetched path like `/api/jobs/${id}` lands on (app/api/jobs/[id]/route.ts). */
function resolveRoute(pathname: string): string | null {
  let dir = APP;
  for (const seg of pathname.split("?")[0].split("/").filter(Boolean)) {
    const entries = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const next = seg.includes("${") ? entries.find((e) => /^\[.+\]$/.test(e)) : entries.includes(seg) ? seg : entries.find((e) => /^\[.+\]$/.test(e));
    if (!next) return null;
    dir = path.join(dir, next);
  }
  const route = path.join(dir, "route.ts");
  return fs.existsSync(route) ? route : null;
}

function firstArguments(src: string, callee: RegExp): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(callee)) {
    let depth = 0;
    let arg = "";
    for (let i = m.index! + m[0].length; i < src.length; i++) {
      const ch = src[i];
      if ("([{".includes(ch)) depth++;
      else if (")]}".includes(ch) && depth-- === 0) break;
      else if (ch === "," && depth === 0) break;
      arg += ch;
    }
    out.push(arg);
  }
  return out;
}

function namesIn(src: string): Names {
  const namespaces = new Set<string>();
  for (const m of src.matchAll(/useTranslations\(\s*["']([\w.]+)["']/g)) namespaces.add(m[1]);
  if (/useTranslations\(\s*\)/.test(src)) namespaces.add("");
  const references = new Set<string>();
  const referencePrefixes: string[] = [];
  for (const arg of firstArguments(src, /\bmsg\(/g)) {
    for (const m of arg.matchAll(/["'`]([\w.-]+)["'`]/g)) references.add(m[1]);
    for (const m of arg.matchAll(/`([\w.-]+\.)\$\{/g)) referencePrefixes.push(m[1]);
  }
  return {
    namespaces,
    literals: new Set([...src.matchAll(/["'`]([\w.-]+)["'`]/g)].map((m) => m[1])),
    // Only a template that is a call's first argument counts (t(`tabs.${id}`)).
    prefixes: [...src.matchAll(/\b[A-Za-z_]\w*(?:\.(?:rich|markup|has|raw))?\(\s*`([\w.-]+\.)\$\{/g)].map((m) => m[1]),
    references,
    referencePrefixes,
    rendersReferences: /(?<!function\s+)\buseMessage\(\s*\)/.test(src),
  };
}

const modules = new Map<string, Module>();
function moduleAt(file: string): Module {
  const known = modules.get(file);
  if (known) return known;
  const src = fs.readFileSync(file, "utf8");
  const specs = [
    ...src.matchAll(/^\s*import\s+(?!type\s)[^;]*?from\s*["']([^"']+)["']/gm),
    ...src.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...src.matchAll(/^\s*export\s+(?!type\s)[^;]*?from\s*["']([^"']+)["']/gm),
    ...src.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]);
  const directive = (word: string) => new RegExp(`^(?:\\s*(?://[^\\n]*|/\\*[\\s\\S]*?\\*/))*\\s*["']use ${word}["']`).test(src);
  const m: Module = {
    client: directive("client"),
    action: directive("server"),
    imports: specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null),
    routes: [...src.matchAll(/["'`](\/api\/[^"'`]*)["'`]/g)].map((r) => resolveRoute(r[1])).filter((f): f is string => f !== null),
    names: namesIn(src),
  };
  modules.set(file, m);
  return m;
}

/** The client modules reachable from entries, and every module whose words can reach them (server code included). */
function reach(entries: string[]) {
  const client = new Set<string>();
  const all = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const m = moduleAt(file);
    // A server action or route handler called from the browser runs on the server: its results are data.
    const asClient = (inClient && !m.action) || m.client;
    if (asClient ? client.has(file) : all.has(file)) return;
    if (asClient) client.add(file);
    all.add(file);
    for (const i of m.imports) walk(i, asClient);
    if (asClient) for (const r of m.routes) walk(r, false);
  };
  for (const e of entries) walk(e, false);
  return { client, all };
}

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
}

function keysFor(entries: string[], catalogue: string[]): string[] {
  const { client, all } = reach(entries);
  const namespaces = new Set<string>();
  let rendersReferences = false;
  for (const f of client) {
    const n = moduleAt(f).names;
    n.namespaces.forEach((ns) => namespaces.add(ns));
    rendersReferences ||= n.rendersReferences;
  }
  const literals = new Set<string>();
  const prefixes: string[] = [];
  const references = new Set<string>();
  const referencePrefixes: string[] = [];
  // Jobs store their sentences (outcomes, pauses, row errors) as references, written by runners that no page
  // imports: a page whose browser code follows a job (polls its route) may receive any of them.
  const showsJobs = rendersReferences && [...client].some((f) => moduleAt(f).routes.some((r) => JOB_ROUTES.some((dir) => r.startsWith(dir))));
  const sources = showsJobs ? new Set([...all, ...sourceFiles(path.join(root, "lib")).filter((f) => STORED.some((dir) => f.startsWith(dir)))]) : all;
  for (const f of sources) {
    const n = moduleAt(f).names;
    if (all.has(f)) {
      n.literals.forEach((l) => literals.add(l));
      prefixes.push(...n.prefixes);
    }
    if (rendersReferences) {
      n.references.forEach((r) => references.add(r));
      referencePrefixes.push(...n.referencePrefixes);
    }
  }
  const named = (rest: string) => literals.has(rest) || prefixes.some((p) => rest.startsWith(p));
  return catalogue.filter(
    (key) =>
      references.has(key) ||
      referencePrefixes.some((p) => key.startsWith(p)) ||
      [...namespaces].some((ns) => (ns ? key.startsWith(`${ns}.`) && named(key.slice(ns.length + 1)) : named(key))),
  );
}

// Scopes: each page and each layout with client modules sends its own keys (app/_i18n/client-messages.tsx). A
// layout's scope also holds the error, not-found and loading files it wraps (same folder or below, up to the next
// layout). A page's scope is "(portal)/users" for app/(portal)/users/page.tsx; a layout's "layout:(portal)".
const SEGMENT_FILES = /^(error|global-error|not-found|loading|template)\.tsx$/;

function dirScope(dir: string): string {
  return path.relative(APP, dir).split(path.sep).join("/");
}

/** Every scope with its entry files. */
export function scopes(): Map<string, { owner: string; entries: string[] }> {
  const files = sourceFiles(APP);
  const out = new Map<string, { owner: string; entries: string[] }>();
  for (const f of files.filter((f) => path.basename(f) === "layout.tsx")) out.set(`layout:${dirScope(path.dirname(f))}`, { owner: f, entries: [f] });
  for (const f of files.filter((f) => SEGMENT_FILES.test(path.basename(f)))) {
    let dir = path.dirname(f);
    while (!fs.existsSync(path.join(dir, "layout.tsx"))) dir = path.dirname(dir);
    out.get(`layout:${dirScope(dir)}`)!.entries.push(f);
  }
  for (const f of files.filter((f) => path.basename(f) === "page.tsx")) out.set(dirScope(path.dirname(f)), { owner: f, entries: [f] });
  return out;
}

/** The keys of every scope whose client modules show words (the others need none of their own). */
export function clientKeys(): Record<string, string[]> {
  const catalogue = leaves(JSON.parse(fs.readFileSync(path.join(root, "messages", "en.json"), "utf8")) as Tree);
  const out: Record<string, string[]> = {};
  for (const [scope, { entries }] of [...scopes()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const keys = reach(entries).client.size > 0 ? keysFor(entries, catalogue) : [];
    if (keys.length > 0) out[scope] = keys;
  }
  return out;
}

/** One line per scope, so a change shows as the scopes it touches. */
export function serialize(keys: Record<string, string[]>): string {
  const lines = Object.entries(keys).map(([scope, list]) => `  ${JSON.stringify(scope)}: ${JSON.stringify(list)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeOrCheck(CLIENT_KEYS_FILE, serialize(clientKeys()), "scripts/i18n-client-keys.ts");
}
