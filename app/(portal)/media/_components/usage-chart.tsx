import Link from "next/link";
import { formatBytes } from "@/lib/format";
import type { MediaUsage } from "@/lib/synapse/media";

/** Horizontal bars of the users storing the most, as a list screen readers read in order. */
export function UsageChart({ users, totalBytes }: { users: MediaUsage[]; totalBytes: number }) {
  const max = Math.max(1, ...users.map((u) => u.bytes));
  return (
    <figure className="card flex flex-col gap-3" aria-labelledby="usage-chart-title">
      <figcaption id="usage-chart-title" className="font-medium">
        Top {users.length} users by storage
      </figcaption>
      {users.length === 0 ? (
        <p className="text-sm text-muted">No local media yet.</p>
      ) : (
        <ol className="flex flex-col gap-1.5" data-testid="usage-chart">
          {users.map((u) => {
            const share = totalBytes > 0 ? (u.bytes / totalBytes) * 100 : 0;
            return (
              <li key={u.userId} className="grid grid-cols-[minmax(8rem,16rem)_1fr_7rem] items-center gap-3 text-sm">
                <Link href={`/media/users/${encodeURIComponent(u.userId)}`} className="truncate underline-offset-2 hover:underline" title={u.userId}>
                  {u.userId}
                </Link>
                <span className="h-3 rounded bg-canvas" aria-hidden="true">
                  <span className="block h-3 rounded bg-accent" style={{ width: `${Math.max(0.5, (u.bytes / max) * 100)}%` }} />
                </span>
                <span className="text-right tabular-nums">
                  {formatBytes(u.bytes)}
                  <span className="sr-only">, {share.toFixed(1)}% of all local media</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </figure>
  );
}
