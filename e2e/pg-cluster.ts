// A throwaway PostgreSQL cluster (scripts/pg-cluster.sh: Debian's initdb + pg_ctl, 127.0.0.1, a free port)
// for journeys and benchmarks with several portal instances on one database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

export type PgCluster = { url: (db: string) => string; createdb: (name: string) => string; psql: (db: string, sql: string) => string; stop: () => void };

export function startPgCluster(): PgCluster {
  const out = execFileSync("bash", ["-c", 'source scripts/pg-cluster.sh && pg_cluster_start && echo "$PG_CLUSTER_BIN|$PG_CLUSTER_DIR|$PG_CLUSTER_PORT"'], { encoding: "utf8" });
  const [bin, dir, port] = out.trim().split("\n").pop()!.split("|");
  const url = (db: string) => `postgresql://portal@127.0.0.1:${port}/${db}`;
  return {
    url,
    createdb: (name) => (execFileSync(`${bin}/createdb`, ["-h", "127.0.0.1", "-p", port, "-U", "portal", name]), url(name)),
    psql: (db, sql) => execFileSync(`${bin}/psql`, ["-h", "127.0.0.1", "-p", port, "-U", "portal", "-d", db, "-tAc", sql], { encoding: "utf8" }).trim(),
    stop: () => {
      const asNobody = process.getuid?.() === 0 ? ["runuser", "-u", "nobody", "--"] : [];
      const cmd = [...asNobody, `${bin}/pg_ctl`, "-D", `${dir}/data`, "-m", "fast", "-w", "-s", "stop"];
      try {
        execFileSync(cmd[0], cmd.slice(1), { stdio: "ignore" });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

