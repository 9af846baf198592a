"use client";
import { signIn } from "next-auth/react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

/** "Sign in with <OIDC_NAME>": next-auth's OIDC provider (id "oidc"), back to where the visitor was going. */
export function SsoSignInButton({ name }: { name: string }) {
  const params = useSearchParams();
  const [pending, setPending] = useState(false);
  const start = () => {
    setPending(true);
    void signIn("oidc", { callbackUrl: safeCallbackUrl(params.get("callbackUrl"), window.location.origin) });
  };
  return (
    <Button type="button" onClick={start} pending={pending} className="w-full">
      Sign in with {name}
    </Button>
  );
}
