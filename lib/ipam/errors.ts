/** Error codes raised by the IPAM engine. */
export type IpamErrorCode =
  | "invalid_address"
  | "invalid_prefix"
  | "host_bits_set"
  | "invalid_mask"
  | "invalid_argument";

/**
 * The one error type thrown by `lib/ipam`. `code` is machine-readable;
 * `suggestion` is set for `host_bits_set` (the network the caller probably meant,
 * e.g. "10.0.0.0/24").
 */
export class IpamError extends Error {
  code: IpamErrorCode;
  suggestion?: string;

  constructor(code: IpamErrorCode, message: string, suggestion?: string) {
    super(message);
    this.name = "IpamError";
    this.code = code;
    if (suggestion !== undefined) this.suggestion = suggestion;
  }
}

export function isIpamError(e: unknown): e is IpamError {
  return e instanceof IpamError;
}
