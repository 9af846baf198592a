"use client";
import { Button } from "@/components/ui/button";

export type FilterField =
  | { kind: "text"; name: string; label: string; placeholder?: string; width?: string }
  | { kind: "select"; name: string; label: string; options: ReadonlyArray<{ value: string; label: string }>; width?: string };

/**
 * Search box plus the API's filters. The form is uncontrolled and keyed by
 * the current query, so Back/Forward and links reset it; submitting writes
 * every field into the URL at once.
 */
export function FilterBar({
  fields,
  values,
  searchLabel,
  searchPlaceholder,
  onApply,
  pending,
}: {
  fields: FilterField[];
  values: Record<string, string>;
  searchLabel: string;
  searchPlaceholder: string;
  onApply: (values: Record<string, string>) => void;
  pending?: boolean;
}) {
  const names = ["q", ...fields.map((f) => f.name)];
  const active = names.some((name) => values[name]);
  const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500";
  return (
    <form
      key={JSON.stringify(values)}
      role="search"
      aria-label={searchLabel}
      className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        onApply(Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? "").trim()])));
      }}
    >
      <label className="block min-w-48 flex-[2]">
        <span className="text-xs font-medium text-slate-600">{searchLabel}</span>
        <input type="search" name="q" defaultValue={values.q ?? ""} placeholder={searchPlaceholder} className={input} />
      </label>
      {fields.map((field) => (
        <label key={field.name} className={`block ${field.width ?? "min-w-32 flex-1"}`}>
          <span className="text-xs font-medium text-slate-600">{field.label}</span>
          {field.kind === "text" ? (
            <input name={field.name} defaultValue={values[field.name] ?? ""} placeholder={field.placeholder} spellCheck={false} className={input} />
          ) : (
            <select name={field.name} defaultValue={values[field.name] ?? ""} className={input}>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          )}
        </label>
      ))}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>Filter</Button>
        {active && (
          <Button type="button" variant="secondary" onClick={() => onApply(Object.fromEntries(names.map((name) => [name, ""])))}>
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
