import { describe, expect, it } from "vitest";
import { retryAfterOf, signInFailureMessage, tooManyAttemptsError, tooManyAttemptsMessage } from "./too-many-sign-in-attempts";

describe("a refused sign-in's wait, from the 429 to the login form", () => {
  it("travels in the error code and back", () => {
    expect(tooManyAttemptsError(900)).toBe("TooManyAttempts:900");
    expect(retryAfterOf(tooManyAttemptsError(899.2))).toBe(900);
    expect(retryAfterOf("CredentialsSignin")).toBeNull();
    expect(retryAfterOf("TooManyAttempts:")).toBeNull();
    expect(retryAfterOf(null)).toBeNull();
  });

  it("is said in whole minutes, rounded up", () => {
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts; try again in 15 minutes");
    expect(tooManyAttemptsMessage(61)).toBe("Too many attempts; try again in 2 minutes");
    expect(tooManyAttemptsMessage(5)).toBe("Too many attempts; try again in 1 minute");
  });

  it("the form tells a lock-out from wrong credentials", () => {
    expect(signInFailureMessage("TooManyAttempts:240")).toBe("Too many attempts; try again in 4 minutes.");
    expect(signInFailureMessage("CredentialsSignin")).toBe("Wrong email or password, or the account is disabled.");
    expect(signInFailureMessage(undefined)).toBe("Wrong email or password, or the account is disabled.");
  });
});
