import Link from "next/link";

/** A user ID linking to the user's page (the users section). */
export function UserLink({ userId }: { userId: string }) {
  return (
    <Link href={`/users/${encodeURIComponent(userId)}`} className="underline">
      {userId}
    </Link>
  );
}
