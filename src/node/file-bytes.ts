import { constants, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import { bytesLabel } from "../mapping/limits";

/** What a file is to the person (in messages), its size limit, and what to do when it is over. */
export interface FileKind {
  noun: string;
  limit: number;
  whenTooLarge: string;
}

const CHUNK = 1024 * 1024;

/**
 * A file's bytes, read whole but never more than its kind's limit. Only regular files: a folder, a pipe or a device
 * (/dev/zero says its size is 0 and never ends) is refused before a byte is read. The size is counted as the bytes
 * come, not taken from `stat`, which a growing file or a /proc file gets wrong. Every refusal is an Error whose
 * message names the file, says why and what to do.
 */
export async function readFileBytes(path: string, kind: FileKind): Promise<Buffer> {
  // O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer; regular files ignore it.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw new Error(openFailure(path, kind, error));
  });
  try {
    const special = specialFile(await handle.stat());
    if (special) throw new Error(`"${path}" is ${special}, not a file: give the path of a ${kind.noun}.`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > kind.limit)
        throw new Error(
          `"${path}" is larger than ${bytesLabel(kind.limit)}, the limit for a ${kind.noun}: ${kind.whenTooLarge}.`,
        );
      chunks.push(bytesRead < CHUNK ? chunk.subarray(0, bytesRead) : chunk);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function specialFile(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "a special file";
}

function openFailure(path: string, kind: FileKind, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return `There is no ${kind.noun} at "${path}": the file does not exist.`;
  if (code === "EACCES" || code === "EPERM") return `"${path}" cannot be read: permission denied. Check who owns it.`;
  if (code === "ENOTDIR") return `There is no ${kind.noun} at "${path}": part of the path is a file, not a folder.`;
  if (code === "ELOOP") return `"${path}" is a loop of symbolic links: give the path of the file itself.`;
  return `"${path}" cannot be read (${code ?? "unknown error"}): check the path.`;
}
