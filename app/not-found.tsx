import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted">There is no page at this address.</p>
      <Link href="/" className="btn-secondary self-start">
        Back to the dashboard
      </Link>
    </main>
  );
}
