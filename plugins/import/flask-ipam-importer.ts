import "server-only";
import { authorize } from "@/lib/services/authorize";
import { definePlugin } from "@/plugins/define-plugin";
import { readFlaskDatabase } from "@/plugins/import/flask-database";
import { newTableImport } from "@/plugins/import/new-table-import";
import { assertImportable, runImport } from "@/plugins/import/run-import";
import { addReports, type ImportReport, type ImportType } from "@/plugins/import/types";

const tagged = (table: ImportType, report: ImportReport): ImportReport => ({
  ...report,
  errors: report.errors.map((e) => ({ ...e, table })),
  ...(report.repairs && { repairs: report.repairs.map((r) => ({ ...r, table })) }),
});

export const flaskIpamImporter = definePlugin({
  kind: "import",
  name: "flask-ipam",
  description: "The original Flask IPAM's SQLite database (ipam.db): its networks, then its hosts, in one transaction. Error rows are the old ids, with the table. With repair=true, names it accepted that DNS cannot carry are kept in descriptions.",
  formats: [
    { mediaType: "application/vnd.sqlite3", extension: "db" },
    { mediaType: "application/vnd.sqlite3", extension: "sqlite" },
    { mediaType: "application/vnd.sqlite3", extension: "sqlite3" },
  ],
  async run({ actor, upload, options }) {
    authorize(actor, "editor");
    const tables = { networks: newTableImport("networks", options.repair), hosts: newTableImport("hosts", options.repair) };
    readFlaskDatabase(upload.bytes, tables);
    return runImport(actor, options, async (tx, o) => {
      // Hosts derive their network from what was just written, so networks go first.
      const networks = assertImportable(tagged("networks", await tables.networks.run(tx, o.onConflict)), o);
      return addReports(networks, tagged("hosts", await tables.hosts.run(tx, o.onConflict)));
    });
  },
});
