import type { Randomness } from "../domain/credential-maker";

/**
 * Random numbers from `Utilities.getUuid()`: Apps Script has no `crypto`, and Math.random is no source for PINs and
 * passwords. Google documents getUuid as `java.util.UUID.randomUUID()`, a version 4 UUID from a cryptographically
 * strong generator: 122 random bits, of which the 120 in whole hex digits (all but the version digit and the variant
 * digit) are used a byte at a time.
 */
const bytes: number[] = [];

function nextByte(): number {
  if (bytes.length === 0) {
    const hex = Utilities.getUuid().replace(/-/g, "");
    const random = hex.slice(0, 12) + hex.slice(13, 16) + hex.slice(17);
    for (let i = 0; i + 1 < random.length; i += 2) bytes.push(Number.parseInt(random.slice(i, i + 2), 16));
  }
  return bytes.pop() as number;
}

/** Uniform by rejection: a byte at or above the largest multiple of `below` is drawn again. */
export const uuidRandomness: Randomness = {
  below(below: number): number {
    if (below < 1 || below > 256) throw new RangeError(`below must be 1 to 256, not ${below}.`);
    const limit = 256 - (256 % below);
    for (;;) {
      const byte = nextByte();
      if (byte < limit) return byte % below;
    }
  },
};
