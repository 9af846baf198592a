import { z } from "zod";
import { AppError } from "@/lib/errors";
import { optionalText } from "@/lib/schemas/fields";
import { cursorQuery, intParam, pageQuery } from "@/lib/schemas/list";
import { nextCursor, prevCursor } from "@/lib/schemas/responses";
import { changeActions, changeObjectTypes } from "@/lib/db/change-tracked-tables";

// The optional "why" of a write: the X-Change-Message header of an API call,
// the change_message field of a form. One line of text, as any single-line field.

export const CHANGE_MESSAGE_MAX = 500;
export const changeMessageField = optionalText("Change message", CHANGE_MESSAGE_MAX);

export const CHANGE_MESSAGE_HEADER = "x-change-message";

/**
 * The header's message, or null. HTTP headers carry Latin-1, so UTF-8 text
 * comes percent-encoded (`encodeURIComponent`); a bad one is a 422 before
 * anything is written.
 */
export function changeMessageFromHeader(headers: Pick<Headers, "get">): string | null {
  const raw = headers.get(CHANGE_MESSAGE_HEADER);
  if (raw === null) return null;
  let text = raw;
  if (raw.includes("%")) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      throw invalid(["Change message must be percent-encoded UTF-8"]);
    }
  }
  const parsed = changeMessageField.safeParse(text);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => i.message));
  return parsed.data ?? null;
}

const invalid = (messages: string[]) => new AppError("validation_error", `Invalid X-Change-Message header: ${messages[0]}`, { "X-Change-Message": messages });

/** A form's input with its change_message taken out: the message, and the rest for the form's own schema. */
export function splitChangeMessage(input: unknown): { message: string | null; rest: unknown } {
  if (!input || typeof input !== "object" || Array.isArray(input) || !Object.hasOwn(input, "change_message")) return { message: null, rest: input };
  const { change_message: raw, ...rest } = input as Record<string, unknown>;
  const parsed = z.object({ change_message: changeMessageField }).safeParse({ change_message: raw });
  if (!parsed.success) {
    const messages = parsed.error.issues.map((i) => i.message);
    throw new AppError("validation_error", messages[0], { change_message: messages });
  }
  return { message: parsed.data.change_message ?? null, rest };
}

// ---- Reading the change log: GET /api/v1/changes, /changes/{id}, /changes/groups and the /changes page.

const json = z.record(z.string(), z.unknown());
const isoTime = z.string().meta({ description: "ISO 8601 UTC", example: "2026-01-02T03:04:05.000Z" });

export const changeActorOut = z.object({
  kind: z.enum(["user", "token", "system"]),
  id: z.number().int().nullable().meta({ description: "The user's or the token's id; null for system (admin CLI, restore, single sign-on)" }),
  name: z.string().meta({ description: "As it was at the time: the user's name, the token's name, or 'admin CLI', 'restore'…" }),
});
export type ChangeActorOut = z.infer<typeof changeActorOut>;

export const changeOut = z.object({
  id: z.number().int(),
  time: isoTime,
  actor: changeActorOut,
  source: z.string().meta({ description: "ui | api | import | cli | restore" }),
  request_id: z.string().meta({ description: "Shared by every record of one request (its X-Request-ID)" }),
  action: z.enum(changeActions),
  object_type: z.enum(changeObjectTypes),
  object_id: z.number().int(),
  object_repr: z.string().meta({ example: "10.0.0.5 web1" }),
  before: json.nullable().meta({ description: "The object as the API showed it before (null for a create)" }),
  after: json.nullable().meta({ description: "The object as the API showed it after (null for a delete)" }),
  message: z.string().nullable(),
  changed_fields: z.array(z.string()).meta({ description: "Fields whose values differ between before and after, derived ones included" }),
});
export type ChangeOut = z.infer<typeof changeOut>;

/** A list page of changes: `total` is exact when `total_exact`, else a lower bound (counting stops; docs/change-log.md). */
export const changePageOut = z.object({
  items: z.array(changeOut),
  total: z.number().int(),
  total_exact: z.boolean().meta({ description: "false: more records match than `total` (counting stops 10,000 records past the page); show it as \"10,000+\"" }),
  page: z.number().int(),
  per_page: z.number().int(),
  pages: z.number().int(),
  next_cursor: nextCursor,
  prev_cursor: prevCursor,
});
export type ChangePage<T = ChangeOut> = {
  items: T[]; total: number; total_exact: boolean; page: number; per_page: number; pages: number;
  next_cursor: string | null; prev_cursor: string | null;
};

// A request id: the UUIDs this app hands out (lib/http/request-id.ts); any letter case.
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** since/until: ISO 8601 with a zone ("2026-12-01T00:00:00Z"), or a date ("2026-12-01", midnight UTC). */
function timeParam(label: string) {
  const message = `${label} must be an ISO 8601 time with a zone (2026-12-01T10:00:00Z) or a date (2026-12-01)`;
  return z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i, message)
    .transform((v, ctx) => {
      const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return d;
    })
    .optional();
}

export const changeListQuery = z
  .object({
    page: pageQuery.page,
    per_page: pageQuery.per_page,
    ...cursorQuery,
    q: optionalText("q", 200).meta({ description: "Case-insensitive (ASCII letters) substring of the object's name (object_repr), the actor's name or the message" }),
    object_type: z.enum(changeObjectTypes, { error: `object_type must be one of ${changeObjectTypes.join(", ")}` }).optional(),
    object_id: intParam("object_id", 1, 2 ** 31 - 1).optional(),
    actor: optionalText("actor", 200).meta({ description: "The actor's name as recorded (a user's name or email, a token's name, \"admin CLI\"), whole, ignoring the case of ASCII letters" }),
    action: z.enum(changeActions, { error: "action must be create, update or delete" }).optional(),
    request_id: z.string().trim().toLowerCase().regex(REQUEST_ID, "request_id must be a UUID").optional().meta({ description: "The records of one request (its X-Request-ID)" }),
    since: timeParam("since").meta({ description: "Records at or after this time" }),
    until: timeParam("until").meta({ description: "Records before this time" }),
  })
  .refine((v) => !v.since || !v.until || v.since < v.until, { message: "since must be before until", path: ["since"] });
export type ChangeListQuery = z.output<typeof changeListQuery>;
export type ChangeListInput = z.input<typeof changeListQuery>;

export const changeGroupOut = z.object({
  request_id: z.string(),
  time: isoTime.meta({ description: "The group's latest record's time" }),
  actor: changeActorOut,
  source: z.string(),
  message: z.string().nullable(),
  count: z.number().int().meta({ description: "Records of this request matching the filters" }),
  summary: z.array(z.object({ object_type: z.enum(changeObjectTypes), action: z.enum(changeActions), count: z.number().int() }))
    .meta({ description: "Counts per object type and action, e.g. 10,000 × host create" }),
});
export type ChangeGroupOut = z.infer<typeof changeGroupOut>;

export const changeGroupPageOut = changePageOut.extend({ items: z.array(changeGroupOut) });

// ---- Reverting: POST /api/v1/changes/{id}/revert and /changes/revert (lib/services/changes/revert-*.ts).

/** POST /changes/revert: undo every record of one request. */
export const revertRequestSchema = z.strictObject({
  request_id: z.string({ error: "request_id is required" }).trim().toLowerCase().regex(REQUEST_ID, "request_id must be a UUID")
    .meta({ description: "The request whose records are undone, newest first, all or nothing" }),
});
export type RevertRequestInput = z.input<typeof revertRequestSchema>;

export const revertOut = z.object({
  reverted: z.number().int().meta({ description: "How many change records were undone" }),
  request_id: z.string().meta({ description: "The revert's own request id: its change records share it (GET /changes?request_id=…)" }),
});
export const revertChangeOut = revertOut.extend({
  changes: z.array(changeOut).meta({ description: "The revert's own change records" }),
});
