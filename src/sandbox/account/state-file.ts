import { readFile, rename, writeFile } from "node:fs/promises";
import { z } from "zod";
import { Account, type AccountData } from "./model";

/** A saved sandbox: the seed (apps and JWTs are derived from it), the JWT's owner and the account. */
export interface SavedState {
  version: 1;
  seed: number;
  ownerId: number;
  account: AccountData;
}

// The account itself is the sandbox's own output; only the envelope is checked.
const savedState = z.object({
  version: z.literal(1),
  seed: z.number(),
  ownerId: z.number(),
  account: z.looseObject({ id: z.number() }),
});

export async function loadState(path: string): Promise<{ seed: number; ownerId: number; account: Account } | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = savedState.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not a sandbox state file: ${parsed.error.issues[0]?.message ?? ""}`);
  const data = parsed.data.account as unknown as AccountData;
  return { seed: parsed.data.seed, ownerId: parsed.data.ownerId, account: new Account(data) };
}

/** Written to a temporary file first, so a crash mid-save never leaves half a state. */
export async function saveState(path: string, state: SavedState): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`);
  await rename(temporary, path);
}
