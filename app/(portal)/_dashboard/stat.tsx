import Link from "next/link";

/** One figure of the dashboard, optionally linking to the page behind it. */
export function Stat(props: { label: string; value: string; testId: string; hint?: string; raw?: number; href?: string }) {
  return (
    <div className="card flex flex-col gap-1">
      <dt className="text-sm text-muted">{props.href ? <Link href={props.href} className="underline">{props.label}</Link> : props.label}</dt>
      <dd className="text-2xl font-semibold" data-testid={props.testId} data-raw={props.raw}>
        {props.value}
      </dd>
      {props.hint && <dd className="text-xs text-muted">{props.hint}</dd>}
    </div>
  );
}
