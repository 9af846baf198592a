import type { Metadata } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IPAM", template: "%s · IPAM" },
  description: "IP address management: networks, hosts, allocation and dnsmasq export",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page, 404 and error page included, renders per request: Next stamps
  // the CSP nonce (proxy.ts) on its scripts only then, and a page prerendered at
  // build time would carry none and be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {children}
        <Toaster richColors position="top-right" />
      </body>
    </html>
  );
}
