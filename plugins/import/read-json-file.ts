import { AppError } from "@/lib/errors";
import { toInput } from "@/plugins/import/legacy";
import { newTableImport } from "@/plugins/import/new-table-import";
import type { ReadFile } from "@/plugins/import/table-import";
import { importTypes, type ImportType } from "@/plugins/import/types";

// A JSON upload fed into the bulk importer: an array of the API's objects
// (our export), the original app's {"export_type", "data": [...]}, or a
// list page {"items": [...]}.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function items(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (isObject(data) && Array.isArray(data.data)) return data.data;
  if (isObject(data) && Array.isArray(data.items)) return data.items;
  throw new AppError("bad_request", 'Expected a JSON array of objects, or {"data": [...]}');
}

function inferType(data: unknown, list: unknown[], explicit: ImportType | undefined): ImportType {
  if (explicit) return explicit;
  const declared = isObject(data) ? data.export_type : undefined;
  if (importTypes.includes(declared as ImportType)) return declared as ImportType;
  const first = list.find(isObject);
  if (first && "ip_address" in first) return "hosts";
  if (first && "network" in first) return "networks";
  // Our own export of an empty list is `[]`: importing it back imports nothing, whatever the type.
  if (list.length === 0) return "hosts";
  throw new AppError("bad_request", "Cannot tell whether the file holds hosts or networks; pass ?type=");
}

export function readJsonFile(text: string, explicit?: ImportType, repair = false): ReadFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new AppError("bad_request", `The file is not valid JSON: ${(error as Error).message}`);
  }
  const list = items(data);
  const type = inferType(data, list, explicit);
  const table = newTableImport(type, repair);
  list.forEach((item, i) => {
    if (isObject(item)) table.add(i + 1, toInput(type, item));
    else table.fail({ row: i + 1, field: "_", message: "Expected an object" });
  });
  return { type, table };
}
