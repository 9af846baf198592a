import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SubnetCalculator } from "@/components/calculator/subnet-calculator";

export const metadata: Metadata = { title: "Subnet calculator" };

export default function SubnetCalculatorPage() {
  return (
    <>
      <PageHeader title="Subnet calculator" subtitle="IPv4 and IPv6. Results update as you type; nothing leaves your browser." />
      <SubnetCalculator />
    </>
  );
}
