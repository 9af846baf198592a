import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a service read for a detail page; an unknown or malformed id is the 404 page. */
export async function loadOr404<T>(load: () => Promise<T>, id: number): Promise<T> {
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
