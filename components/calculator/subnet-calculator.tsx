"use client";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { MaskPanel } from "@/components/calculator/mask-panel";
import { PrefixFactsPanel } from "@/components/calculator/prefix-facts-panel";
import { RangePanel } from "@/components/calculator/range-panel";
import { SplitPanel } from "@/components/calculator/split-panel";
import { SummarizePanel } from "@/components/calculator/summarize-panel";

/** Everything runs in the browser with lib/ipam; nothing is sent to the server. */
export function SubnetCalculator() {
  const [prefix, setPrefix] = useState("192.168.1.0/24");
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Card title="Prefix facts">
        <PrefixFactsPanel value={prefix} onChange={setPrefix} />
      </Card>
      <div className="space-y-6">
        <Card title="Netmask ⇄ length">
          <MaskPanel />
        </Card>
        <Card title="Split into subnets">
          <SplitPanel prefixText={prefix} />
        </Card>
      </div>
      <Card title="Summarize a list" className="lg:col-span-2">
        <SummarizePanel />
      </Card>
      <Card title="Range → CIDRs" className="lg:col-span-2">
        <RangePanel />
      </Card>
    </div>
  );
}
