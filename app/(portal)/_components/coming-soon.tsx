/** Placeholder for sections that later issues deliver. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <section className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="card text-muted">{what} This section is not built yet.</p>
    </section>
  );
}
