import { afterEach, describe, expect, it, vi } from "vitest";
import { scheduleChangePruning } from "@/lib/boot/schedule-change-pruning";

afterEach(() => {
  vi.useRealTimers();
});

describe("scheduleChangePruning", () => {
  it("prunes once per interval, logs what went, survives a failure, and stops", async () => {
    vi.useFakeTimers();
    const prune = vi.fn<() => Promise<number>>().mockResolvedValueOnce(3).mockRejectedValueOnce(new Error("database is locked")).mockResolvedValue(0);
    const log = vi.fn();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const stop = scheduleChangePruning({ prune, log, intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(prune).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(prune).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith("Pruned 3 change record(s) past the retention");
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveBeenCalledWith("Change log pruning failed: database is locked");
    await vi.advanceTimersByTimeAsync(1000);
    expect(prune).toHaveBeenCalledTimes(3);
    expect(log).toHaveBeenCalledTimes(1);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(prune).toHaveBeenCalledTimes(3);
    errors.mockRestore();
  });

  it("never keeps the process alive", () => {
    const spy = vi.spyOn(globalThis, "setInterval");
    const stop = scheduleChangePruning({ prune: async () => 0 });
    const timer = spy.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    stop();
    spy.mockRestore();
  });
});
