import { createHash, createHmac, createSign, randomUUID } from "node:crypto";
import { AppsScriptException } from "../exception";
import type { HostService } from "../host-service";
import { Blob } from "./blob";
import { type Bytes, CHARSETS, toBuffer, toBytes } from "./bytes";
import { formatDate } from "./date-format";

/**
 * Utilities, as far as the bundle and the OAuth2 library call it. `sleep` never reaches the host: the worker blocks
 * itself (Atomics.wait), as the execution's time goes on.
 */
const DIGESTS: Readonly<Record<string, string>> = {
  MD2: "md2",
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};
const MACS: Readonly<Record<string, string>> = {
  HMAC_MD5: "md5",
  HMAC_SHA_1: "sha1",
  HMAC_SHA_256: "sha256",
  HMAC_SHA_384: "sha384",
  HMAC_SHA_512: "sha512",
};

const webSafe = (base64: string) => base64.replace(/\+/g, "-").replace(/\//g, "_");

class UtilitiesRoot {
  readonly Charset = { ...CHARSETS };
  readonly DigestAlgorithm = Object.fromEntries(Object.keys(DIGESTS).map((name) => [name, name]));
  readonly MacAlgorithm = Object.fromEntries(Object.keys(MACS).map((name) => [name, name]));
  readonly RsaAlgorithm = { RSA_SHA_1: "RSA_SHA_1", RSA_SHA_256: "RSA_SHA_256" };
  readonly #timeZone: string;

  constructor(timeZone: string) {
    this.#timeZone = timeZone;
  }

  get [Symbol.toStringTag]() {
    return "Utilities";
  }

  /** Never called from a context (the worker sleeps itself); here so that the method is known. */
  sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Number(milliseconds) || 0));
  }

  getUuid(): string {
    return randomUUID();
  }

  base64Encode(data: string | Bytes, charset?: string): string {
    return toBuffer(data, charset).toString("base64");
  }

  base64EncodeWebSafe(data: string | Bytes, charset?: string): string {
    return webSafe(toBuffer(data, charset).toString("base64"));
  }

  base64Decode(encoded: string): Bytes {
    return toBytes(Buffer.from(String(encoded), "base64"));
  }

  base64DecodeWebSafe(encoded: string): Bytes {
    return toBytes(Buffer.from(String(encoded), "base64url"));
  }

  computeDigest(algorithm: string, value: string | Bytes, charset?: string): Bytes {
    const name = DIGESTS[algorithm];
    if (!name) throw new AppsScriptException(`Invalid argument: algorithm`);
    return toBytes(createHash(name).update(toBuffer(value, charset)).digest());
  }

  computeHmacSignature(algorithm: string, value: string | Bytes, key: string | Bytes, charset?: string): Bytes {
    const name = MACS[algorithm];
    if (!name) throw new AppsScriptException(`Invalid argument: algorithm`);
    return toBytes(createHmac(name, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: string | Bytes, key: string | Bytes, charset?: string): Bytes {
    return this.computeHmacSignature("HMAC_SHA_256", value, key, charset);
  }

  computeRsaSha256Signature(value: string | Bytes, key: string, charset?: string): Bytes {
    return toBytes(createSign("RSA-SHA256").update(toBuffer(value, charset)).sign(key));
  }

  newBlob(data: string | Bytes, contentType?: string, name?: string): Blob {
    return new Blob(toBuffer(data ?? ""), contentType, name);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone || this.#timeZone, format);
  }

  /** Java's String.format, the common conversions: %s, %d, %f (with precision), %%. */
  formatString(template: string, ...args: unknown[]): string {
    let next = 0;
    return String(template).replace(/%(\.\d+)?([sdf%])/g, (_token, precision: string | undefined, kind: string) => {
      if (kind === "%") return "%";
      const value = args[next++];
      if (kind === "d") return String(Math.trunc(Number(value)));
      if (kind === "f") return Number(value).toFixed(precision ? Number(precision.slice(1)) : 6);
      return String(value);
    });
  }

  jsonParse(text: string): unknown {
    return JSON.parse(text);
  }

  jsonStringify(value: unknown): string {
    return JSON.stringify(value);
  }
}

export function utilities(timeZone: string): HostService {
  return { name: "Utilities", create: () => new UtilitiesRoot(timeZone) };
}
