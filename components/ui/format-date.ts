/** "2026-01-02 03:04 UTC": the same on server and client, so hydration never disagrees. */
export function formatDate(iso: string | null): string {
  if (!iso) return "—";
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
