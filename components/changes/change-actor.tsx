import type { ChangeActorOut } from "@/lib/schemas/change";

/** Who made a change, as named at the time; a token or the system says what it is. */
export function ChangeActor({ actor }: { actor: ChangeActorOut }) {
  return (
    <span>
      {actor.name}
      {actor.kind !== "user" && <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{actor.kind === "token" ? "API token" : "system"}</span>}
    </span>
  );
}
