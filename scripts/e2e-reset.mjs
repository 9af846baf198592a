// Browser tests start from an empty database so first-run setup is exercised.
import { rmSync } from "node:fs";
const dir = process.argv[2];
if (!dir || !dir.includes("e2e")) throw new Error("refusing to delete a folder that is not an e2e data folder");
rmSync(dir, { recursive: true, force: true });
