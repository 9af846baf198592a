import { hostStatuses } from "@/lib/schemas/fields";

export const statusOptions = hostStatuses.map((status) => ({ value: status, label: status[0].toUpperCase() + status.slice(1) }));
