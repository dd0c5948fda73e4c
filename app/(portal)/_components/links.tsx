import Link from "next/link";

/** A user ID linking to the user's page (the users section). */
export function UserLink({ userId }: { userId: string }) {
  return (
    <Link href={`/users/${encodeURIComponent(userId)}`} className="underline">
      {userId}
    </Link>
  );
}

/** Column headings of a plain list table. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead className="border-b border-line text-muted">
      <tr>
        {columns.map((c) => (
          <th key={c} className="py-2 pr-3">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
