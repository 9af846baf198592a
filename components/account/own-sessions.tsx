"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import type { SessionOut } from "@/lib/schemas/session";
import { endOwnSessionAction } from "@/app/(app)/account/actions";

/** The user's live sessions, this one marked; any of them can be signed out (this one too). */
export function OwnSessions({ sessions }: { sessions: SessionOut[] }) {
  const router = useRouter();
  const [ending, setEnding] = useState<string | null>(null);

  async function end(session: SessionOut) {
    setEnding(session.id);
    const result = await endOwnSessionAction(session.id);
    setEnding(null);
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    toast.success(session.current ? "Signed out" : "Session signed out");
    // Ending this browser's own session sends it to the sign-in page on the next request.
    if (session.current) router.replace("/login");
    else router.refresh();
  }

  if (sessions.length === 0) return <EmptyState title="No live sessions" />;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="own-sessions">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Session</th>
            <th scope="col" className="px-4 py-2">Signed in</th>
            <th scope="col" className="px-4 py-2">Last seen</th>
            <th scope="col" className="px-4 py-2">Expires</th>
            <th scope="col" className="px-4 py-2">Address</th>
            <th scope="col" className="px-4 py-2">Browser</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="px-4 py-2 font-mono text-xs">
                {s.id}
                {s.current && <span className="ml-1.5 rounded bg-indigo-50 px-1.5 py-0.5 font-sans text-indigo-700">this browser</span>}
              </td>
              <td className="px-4 py-2 text-xs text-slate-600">{formatDate(s.created_at)} ({s.auth_method})</td>
              <td className="px-4 py-2 text-xs text-slate-600">{formatDate(s.last_seen_at)}</td>
              <td className="px-4 py-2 text-xs text-slate-600">{formatDate(s.expires_at)}</td>
              <td className="px-4 py-2 font-mono text-xs">{s.ip_address ?? "—"}</td>
              <td className="max-w-64 truncate px-4 py-2 text-xs text-slate-600" title={s.user_agent ?? undefined}>{s.user_agent ?? "—"}</td>
              <td className="px-4 py-2 text-right">
                <Button type="button" variant="secondary" pending={ending === s.id} onClick={() => end(s)}>Sign out this session</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
