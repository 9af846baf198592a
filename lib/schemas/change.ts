import { z } from "zod";
import { AppError } from "@/lib/errors";
import { optionalText } from "@/lib/schemas/fields";

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
