// Checks that no lib/ module imports a module of a higher layer (README, "Layout"). Run: node scripts/check-layers.mjs
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

// Lower number = lower layer. A module may import its own layer and the ones below.
const LAYERS = [
  [0, /^lib\/(matrix|csv|http|i18n)\/|^lib\/(format|env|result|database-url|remember-for|pool|roles|gate-rules)\.ts$/],
  [1, /^lib\/(synapse|db|schemas)\//],
  // crypto and the startup check read the session secret, which lives in lib/auth.
  [2, /^lib\/(auth|audit|actions|crypto)\/|^lib\/startup-check\.ts$/],
  [3, /^lib\/jobs\//],
  // health, metrics and graceful shutdown look at everything below.
  [4, /^lib\/ops\//],
];
const layerOf = (file) => LAYERS.find(([, re]) => re.test(file))?.[0];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (p.startsWith("lib/db/generated")) continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(p)) yield p;
  }
}

let bad = 0;
for (const file of files("lib")) {
  const mine = layerOf(file);
  if (mine === undefined) {
    console.log(`${file}: in no layer (add it to scripts/check-layers.mjs)`);
    bad++;
    continue;
  }
  for (const [, spec] of readFileSync(file, "utf8").matchAll(/from "(@\/lib\/[^"]+|\.{1,2}\/[^"]+)"/g)) {
    const target = spec.startsWith("@/") ? spec.slice(2) : join(file, "..", spec);
    const theirs = layerOf(/\.tsx?$/.test(target) ? target : `${target}.ts`) ?? layerOf(`${target}/`);
    if (theirs !== undefined && theirs > mine) {
      console.log(`${file} (layer ${mine}) imports ${spec} (layer ${theirs})`);
      bad++;
    }
  }
}
console.log(bad === 0 ? "layers: no upward import in lib/" : `layers: ${bad} problem(s)`);
process.exit(bad === 0 ? 0 : 1);
