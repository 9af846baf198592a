import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

// The data folder holds the database, the session-signing secret and backups:
// nobody but the app's own user may read it. Modes are set with chmod, not
// only through mkdir/open's mode argument, which the process umask can narrow
// or (for an unusual umask) leave different; folders and files that existed
// before are the operator's and keep their modes.

/** Creates `dir` and any missing parents with mode 700; folders that already existed are left alone. */
export function makePrivateDir(dir: string): void {
  const target = path.resolve(dir);
  const first = mkdirSync(target, { recursive: true, mode: 0o700 });
  if (first === undefined) return; // it all existed
  // mkdir returns the first folder it made; every folder from there down to `target` is ours.
  for (let folder = target; ; folder = path.dirname(folder)) {
    chmodSync(folder, 0o700);
    if (folder === path.resolve(first) || folder === path.dirname(folder)) break;
  }
}

/** Creates an empty `file` with mode 600 unless it exists (an existing file keeps its mode). */
export function createPrivateFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (error) {
    // Already there (an existing database, or another process won the race).
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  try {
    chmodSync(file, 0o600);
  } finally {
    closeSync(fd);
  }
}
