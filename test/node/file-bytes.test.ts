import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFileBytes } from "../../src/node/file-bytes";

const kind = { noun: "source file", limit: 1024, whenTooLarge: "split it" };

describe("readFileBytes", () => {
  it("reads a regular file whole, and refuses one over the limit by counting what it reads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rcsheets-bytes-"));
    await writeFile(join(dir, "small.csv"), "a,b\n");
    expect((await readFileBytes(join(dir, "small.csv"), kind)).toString()).toBe("a,b\n");
    await writeFile(join(dir, "big.csv"), "x".repeat(1025));
    await expect(readFileBytes(join(dir, "big.csv"), kind)).rejects.toThrow(
      /is larger than 1,024 bytes, the limit for a source file: split it\./,
    );
  });

  it("refuses devices, pipes and folders before reading a byte", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rcsheets-bytes-"));
    await expect(readFileBytes("/dev/zero", kind)).rejects.toThrow('"/dev/zero" is a device, not a file');
    execFileSync("mkfifo", [join(dir, "pipe")]);
    // Opening a pipe for reading would wait for a writer: this would hang without O_NONBLOCK.
    await expect(readFileBytes(join(dir, "pipe"), kind)).rejects.toThrow("is a pipe (FIFO), not a file");
    await expect(readFileBytes(dir, kind)).rejects.toThrow("is a folder, not a file");
    await expect(readFileBytes(join(dir, "nope"), kind)).rejects.toThrow("There is no source file at");
  });
});
