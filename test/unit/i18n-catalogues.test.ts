// Every catalogue has every key (with the same ICU arguments), and every key is used somewhere in the code.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "@/lib/i18n/locales";

type Tree = { [k: string]: string | Tree };
const load = (locale: string) => JSON.parse(fs.readFileSync(path.join("messages", `${locale}.json`), "utf8")) as Tree;

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The argument names a message uses (placeholders, plurals, selects, tags), sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const en = leaves(load("en"));

test("every catalogue has exactly the English keys, non-empty, with the same ICU arguments", () => {
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const other = leaves(load(locale));
    assert.deepEqual([...en.keys()].filter((k) => !other.has(k)), [], `${locale}.json lacks keys`);
    assert.deepEqual([...other.keys()].filter((k) => !en.has(k)), [], `${locale}.json has keys English does not`);
    for (const [key, text] of other) {
      assert.ok(text.trim(), `${locale}: ${key} is empty`);
      assert.deepEqual(argumentsOf(text), argumentsOf(en.get(key)!), `${locale}: ${key} has other arguments than English`);
    }
  }
  for (const [key, text] of en) assert.ok(text.trim(), `en: ${key} is empty`);
});

// Source files and what they name: the namespaces they open (useTranslations/getTranslations), the plain string
// literals, and the fixed starts of template keys (t(`kinds.${kind}`) uses every key under kinds.).
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

test("every key in the catalogue is used by the code", () => {
  const files = ["app", "lib", "i18n"].flatMap(sourceFiles).map((f) => fs.readFileSync(f, "utf8"));
  const used = (key: string) =>
    files.some((src) => {
      const namespaces = [""];
      for (const m of src.matchAll(/(?:useTranslations|getTranslations)\(\s*(?:\{[^}]*namespace:\s*)?["']([\w.]+)["']/g)) namespaces.push(m[1]);
      const literals = new Set([...src.matchAll(/["'`]([\w.-]+)["'`]/g)].map((m) => m[1]));
      // Only a template that is a call's first argument counts (t(`tabs.${id}`), msg(`errors.${code}`)).
      const prefixes = [...src.matchAll(/\b[A-Za-z_]\w*(?:\.(?:rich|markup|has|raw))?\(\s*`([\w.-]+\.)\$\{/g)].map((m) => m[1]);
      return namespaces.some((ns) => {
        const rest = ns ? (key.startsWith(ns + ".") ? key.slice(ns.length + 1) : null) : key;
        if (rest === null) return false;
        return literals.has(rest) || prefixes.some((p) => rest.startsWith(p));
      });
    });
  assert.deepEqual([...en.keys()].filter((k) => !used(k)), [], "keys no code uses");
});

test("every phase a job sets has words in the catalogue (jobs.progress.phase)", () => {
  const phases = new Set(sourceFiles(path.join("lib", "jobs")).flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/\bphase: "([a-z ]+)"/g)].map((m) => m[1])));
  assert.ok(phases.has("listing users") && phases.size >= 8, [...phases].join(", "));
  const camel = (p: string) => p.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
  assert.deepEqual([...phases].filter((p) => !en.has(`jobs.progress.phase.${camel(p)}`)), [], "phases without words");
});
