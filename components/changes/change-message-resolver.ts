import type { FieldValues, Resolver, ResolverOptions, ResolverResult } from "react-hook-form";
import { changeMessageField } from "@/lib/schemas/change";

/** A form's values with the optional "why" of the change (stored as the change record's message). */
export type WithChangeMessage<V extends FieldValues> = V & { change_message?: string };

/**
 * Wraps a form's resolver so the form can carry a change_message its own
 * (strict) schema does not know: the schema sees the other fields, the
 * message is checked by the same rule the server applies (changeMessageField).
 */
export function changeMessageResolver<V extends FieldValues, C, O>(resolver: Resolver<V, C, O>): Resolver<WithChangeMessage<V>, C, O> {
  return async (values, context, options) => {
    const { change_message: message, ...fields } = values;
    const result = await resolver(fields as unknown as V, context, options as unknown as ResolverOptions<V>);
    const parsed = changeMessageField.safeParse(message ?? "");
    if (parsed.success) return result as ResolverResult<WithChangeMessage<V>, O>;
    const error = { type: "validate", message: parsed.error.issues[0]?.message ?? "Invalid change message" };
    return { values: {}, errors: { ...result.errors, change_message: error } } as ResolverResult<WithChangeMessage<V>, O>;
  };
}
