import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-10">
      <Card>
        <h1 className="text-lg font-semibold">Not found</h1>
        <p className="mt-1 text-sm text-slate-600">This network or host does not exist, or it was deleted.</p>
        <div className="mt-4 flex gap-2">
          <LinkButton href="/networks">Networks</LinkButton>
          <LinkButton href="/hosts">Hosts</LinkButton>
        </div>
      </Card>
    </div>
  );
}
