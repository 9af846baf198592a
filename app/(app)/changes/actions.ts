"use server";
import { z } from "zod";
import { requireActionActor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/action-result";
import { revertRequestSchema, splitChangeMessage } from "@/lib/schemas/change";
import { revertChange } from "@/lib/services/changes/revert-change";
import { revertRequest } from "@/lib/services/changes/revert-request";

// The Revert buttons (a change's diff page, a request's list). Each can be
// POSTed directly, so each checks the session and the role itself; the
// service re-checks that the objects are as the records left them and
// refuses (409, with the reason) when they are not. The optional
// change_message becomes the revert's own records' message.

const id = z.number().int().positive();

export type RevertResult = ActionResult<{ reverted: number; request_id: string }>;

/** Undoes one change record. Input: `{ change_message? }`. */
export async function revertChangeAction(changeId: number, input: unknown): Promise<RevertResult> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    const { message } = splitChangeMessage(input);
    const { reverted, request_id } = await revertChange(actor, id.parse(changeId), { message });
    return { reverted, request_id };
  });
}

/** Undoes every record of one request, newest first, all or nothing. Input: `{ request_id, change_message? }`. */
export async function revertRequestAction(input: unknown): Promise<RevertResult> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    const { message, rest } = splitChangeMessage(input);
    const { reverted, request_id } = await revertRequest(actor, revertRequestSchema.parse(rest).request_id, { message });
    return { reverted, request_id };
  });
}
