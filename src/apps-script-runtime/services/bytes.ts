/** Apps Script's byte arrays are arrays of signed bytes (-128…127). */
export type Bytes = number[];

export const CHARSETS = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" } as const;

export function toBytes(buffer: Uint8Array): Bytes {
  return Array.from(buffer, (byte) => (byte > 127 ? byte - 256 : byte));
}

export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((byte) => Number(byte) & 0xff));
  return Buffer.from(String(data), charset === CHARSETS.US_ASCII ? "latin1" : "utf8");
}

export function bufferText(buffer: Buffer, charset?: unknown): string {
  return buffer.toString(charset === CHARSETS.US_ASCII ? "latin1" : "utf8");
}
