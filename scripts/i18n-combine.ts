// Builds messages/<locale>.json from the fragments in messages/parts/<area>.<locale>.json (used while areas are
// translated side by side; each top-level namespace belongs to one fragment).
import fs from "node:fs";
import path from "node:path";
import { LOCALES } from "@/lib/i18n/locales";

const dir = path.join("messages", "parts");
for (const locale of LOCALES) {
  const out: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(`.${locale}.json`)).sort()) {
    const part = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;
    for (const [ns, value] of Object.entries(part)) {
      if (owner[ns]) throw new Error(`namespace "${ns}" is in both ${owner[ns]} and ${file}`);
      owner[ns] = file;
      out[ns] = value;
    }
  }
  const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  fs.writeFileSync(path.join("messages", `${locale}.json`), JSON.stringify(sorted, null, 2) + "\n");
}
