import "server-only";
import type { Operation } from "@/lib/api/openapi/operation";
import { buildOpenApi } from "@/lib/api/openapi/build-openapi";
import { coreOperations } from "@/lib/api/openapi/operations";
import { pluginOperations } from "@/plugins/registry";

// The OpenAPI document is assembled here, above both lib/ (the core API's
// operations and the renderer) and plugins/ (import/export operations),
// because lib/ imports nothing from plugins/.

export const apiOperations: readonly Operation[] = [...coreOperations, ...pluginOperations];

let cached: object | undefined;

/** Built once per process: the operations are static. */
export function openApiDocument(): object {
  return (cached ??= buildOpenApi(apiOperations));
}
