import { metaOperations } from "@/lib/api/openapi/paths/meta";
import { networkOperations } from "@/lib/api/openapi/paths/networks";
import { hostOperations } from "@/lib/api/openapi/paths/hosts";
import { ipOperations } from "@/lib/api/openapi/paths/ip";
import { tokenOperations } from "@/lib/api/openapi/paths/tokens";
import { userOperations } from "@/lib/api/openapi/paths/users";
import { backupOperations } from "@/lib/api/openapi/paths/backup";
import { changeOperations } from "@/lib/api/openapi/paths/changes";
import { changeRevertOperations } from "@/lib/api/openapi/paths/change-reverts";
import { discoveryOperations } from "@/lib/api/openapi/paths/discovery";

export type { Operation } from "@/lib/api/openapi/operation";

// The core API's operations, one file per resource under paths/: add an
// endpoint's description next to its siblings. Plugins describe their own
// (plugins/registry.ts); app/api/v1/openapi.json/document.ts joins both lists,
// because lib/ imports nothing from plugins/.

export const coreOperations = [...metaOperations, ...networkOperations, ...hostOperations, ...ipOperations, ...tokenOperations, ...userOperations, ...backupOperations, ...changeOperations, ...changeRevertOperations, ...discoveryOperations];
