import { useMessage } from "@/lib/i18n/hooks";

/** A page-level failure (Synapse refused or could not be reached, or the id in the URL is not one). */
export function ErrorCard({ message }: { message: string | null | undefined }) {
  const render = useMessage();
  if (!message) return null;
  return (
    <p role="alert" className="card border-danger-line text-danger">
      {render(message)}
    </p>
  );
}
