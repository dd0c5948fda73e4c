// A file written from another source of truth and committed: write it, or (--check) fail while it is stale.
import fs from "node:fs";
import path from "node:path";

export function writeOrCheck(file: string, want: string, script: string): void {
  const name = path.relative(process.cwd(), file);
  if (process.argv.includes("--check")) {
    const have = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (have !== want) {
      console.error(`${name} is stale: run \`node --import tsx ${script}\``);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(file, want);
    console.log(name);
  }
}
