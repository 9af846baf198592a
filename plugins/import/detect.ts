import "server-only";
import { AppError } from "@/lib/errors";
import type { ImporterName } from "@/plugins/define-plugin";
import { importers } from "@/plugins/registry";
import { isSqliteFile } from "@/plugins/import/flask-database";
import type { Upload } from "@/plugins/import/types";

/**
 * The importer for `name=auto`: by the file name's extension, as the
 * original app did; without a file name, by media type, then by content.
 */
export function detectImporter(upload: Upload): ImporterName {
  const extension = upload.filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const all = importers();
  if (extension) {
    const found = all.find((p) => p.formats.some((f) => f.extension === extension));
    if (found) return found.name;
    const known = all.flatMap((p) => p.formats.map((f) => `.${f.extension}`));
    throw new AppError("bad_request", `Cannot import .${extension} files; use ${known.join(", ")}`);
  }
  const byType = all.find((p) => p.formats.some((f) => f.mediaType === upload.mediaType));
  if (byType) return byType.name;
  if (isSqliteFile(upload.bytes)) return "flask-ipam";
  const first = upload.bytes.subarray(0, 64).toString("utf8").replace(/^\uFEFF/, "").trimStart()[0];
  return first === "[" || first === "{" ? "json" : "csv";
}
