import './components.css';

export interface BarPart {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** A horizontal bar split into parts; screen readers get `label` (the numbers in words). */
export function StackedBar({ parts, label }: { parts: BarPart[]; label: string }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  return (
    <div className="ui-stacked" role="img" aria-label={label}>
      {parts
        .filter((p) => p.value > 0)
        .map((p) => (
          <span key={p.key} className="ui-stacked-part" style={{ flexGrow: p.value, background: p.color }} title={`${p.label}: ${p.value}`} />
        ))}
      {total === 0 && <span className="ui-stacked-empty" />}
    </div>
  );
}
