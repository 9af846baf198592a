import { IpamError } from "../errors";

/** The IpamError `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): IpamError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IpamError) return e;
    throw e;
  }
  throw new Error("expected an IpamError");
}
