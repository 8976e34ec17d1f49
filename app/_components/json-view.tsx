import type { Json } from "@/contracts/json";

/**
 * Any JSON value (a step's input or output) as something a person reads: objects as labelled fields, lists as
 * lists, long text as wrapped text, yes/no for booleans. Never raw JSON, except past a sane depth.
 */
type JsonValue = Json;
const MAX_DEPTH = 5;
const LONG_TEXT = 120;

/** "skillContent" → "Skill content", "test_cases" → "Test cases". */
export function humaniseKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Scalar({ value }: { value: string | number | boolean | null }) {
  if (value === null) return <span className="muted">—</span>;
  if (typeof value === "boolean") return <span>{value ? "yes" : "no"}</span>;
  if (typeof value === "number") return <span>{value.toLocaleString("en")}</span>;
  if (value === "") return <span className="muted">(empty)</span>;
  if (value.length > LONG_TEXT || value.includes("\n"))
    return (
      <pre className="wrap json-text" tabIndex={0}>
        {value}
      </pre>
    );
  return <span>{value}</span>;
}

function ListView({ items, depth }: { items: JsonValue[]; depth: number }) {
  if (items.length === 0) return <span className="muted">(none)</span>;
  return (
    <ol className="json-list">
      {items.map((item, i) => (
        <li key={i}>
          <JsonView value={item} depth={depth + 1} />
        </li>
      ))}
    </ol>
  );
}

function ObjectView({ value, depth }: { value: { [key: string]: JsonValue }; depth: number }) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="muted">(nothing)</span>;
  return (
    <dl className="json-fields">
      {entries.map(([key, item]) => (
        <div key={key}>
          <dt>{humaniseKey(key)}</dt>
          <dd>
            <JsonView value={item} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function JsonView({ value, depth = 0 }: { value: JsonValue; depth?: number }) {
  if (depth > MAX_DEPTH)
    return (
      <pre className="wrap json-text" tabIndex={0}>
        {JSON.stringify(value, null, 2)}
      </pre>
    );
  if (Array.isArray(value)) return <ListView items={value} depth={depth} />;
  if (value !== null && typeof value === "object") return <ObjectView value={value} depth={depth} />;
  return <Scalar value={value} />;
}
