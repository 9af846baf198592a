// The browser side of POST /api/v1/import/auto. XMLHttpRequest rather than
// fetch because only XHR reports upload progress, which a 50 MB file needs.

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
  table?: "networks" | "hosts";
}

/** What a preview or an import says: the report, or the 422's details (same counts, plus the row errors). */
export interface ImportOutcome {
  created: number;
  updated: number;
  skipped: number;
  errors: ImportRowError[];
  errorCount: number;
  /** Names cleared into descriptions (repair=true); same row addressing as errors. */
  repairs: ImportRowError[];
  repairCount: number;
  /** True when the server refused the file (422): nothing can be committed as it is. */
  rejected: boolean;
}

export interface ImportRequest {
  file: File;
  type: "auto" | "hosts" | "networks";
  onConflict: "error" | "skip" | "update";
  /** Clear names DNS cannot carry into the description instead of refusing their rows. */
  repair: boolean;
  dryRun: boolean;
}

export class ImportFailed extends Error {}

export function uploadImport(request: ImportRequest, onProgress: (fraction: number) => void): Promise<ImportOutcome> {
  const query = new URLSearchParams({ dry_run: String(request.dryRun), on_conflict: request.onConflict });
  if (request.type !== "auto") query.set("type", request.type);
  if (request.repair) query.set("repair", "true");
  const form = new FormData();
  form.set("file", request.file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/import/auto?${query}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ImportFailed("The upload failed: the server could not be reached"));
    xhr.onload = () => {
      const body = xhr.response as Record<string, any> | null;
      if (xhr.status === 200 && body) {
        const repairs = body.repairs ?? [];
        resolve({ created: body.created, updated: body.updated, skipped: body.skipped, errors: body.errors, errorCount: body.errors.length, repairs, repairCount: repairs.length, rejected: false });
      } else if (xhr.status === 422 && body?.error?.details?.rows) {
        const d = body.error.details;
        const repairs = d.repairs ?? [];
        resolve({
          created: d.created ?? 0, updated: d.updated ?? 0, skipped: d.skipped ?? 0, errors: d.rows, errorCount: d.error_count ?? d.rows.length,
          repairs, repairCount: d.repair_count ?? repairs.length, rejected: true,
        });
      } else {
        reject(new ImportFailed(body?.error?.message ?? `The server answered ${xhr.status}`));
      }
    };
    xhr.send(form);
  });
}
