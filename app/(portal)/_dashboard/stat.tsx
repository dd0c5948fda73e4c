import Link from "next/link";

/**
 * One figure of the dashboard. With `href` the figure itself links to the page behind it (not the label: "Users"
 * and "Rooms" are already the navigation's link names).
 */
export function Stat(props: { label: string; value: string; testId: string; hint?: string; raw?: number; href?: string }) {
  return (
    <div className="card flex flex-col gap-1">
      <dt className="text-sm text-muted">{props.label}</dt>
      <dd className="text-2xl font-semibold" data-testid={props.testId} data-raw={props.raw}>
        {props.href ? (
          <Link href={props.href} className="underline-offset-4 hover:underline">
            {props.value}
          </Link>
        ) : (
          props.value
        )}
      </dd>
      {props.hint && <dd className="text-xs text-muted">{props.hint}</dd>}
    </div>
  );
}
