import "server-only";
import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: a generated password is read off a screen and typed once.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const LENGTH = 20; // ~115 bits; far past the policy's minimum and never on the common list

/** A random password for "create user" and "reset password" without one given; shown once. */
export function generatePassword(): string {
  let out = "";
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
