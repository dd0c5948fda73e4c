/** The header cell of a table's checkbox column: ticks or clears every row it stands for. */
export function SelectAllHeader({
  label,
  checked,
  disabled,
  onToggle,
  className = "py-2 pr-2",
}: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onToggle: (on: boolean) => void;
  className?: string;
}) {
  return (
    <th className={className}>
      <input type="checkbox" aria-label={label} checked={checked} disabled={disabled} onChange={(e) => onToggle(e.target.checked)} />
    </th>
  );
}
