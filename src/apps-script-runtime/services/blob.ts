import { AppsScriptException } from "../exception";
import { type Bytes, bufferText, toBuffer, toBytes } from "./bytes";

/** Apps Script's Blob, as far as the add-in and the OAuth2 library use it. */
export class Blob {
  #data: Buffer;
  #contentType: string | null;
  #name: string | null;

  constructor(data: Buffer, contentType?: string | null, name?: string | null) {
    this.#data = data;
    this.#contentType = contentType ?? null;
    this.#name = name ?? null;
  }

  get [Symbol.toStringTag]() {
    return "Blob";
  }

  getBytes(): Bytes {
    return toBytes(this.#data);
  }

  setBytes(data: Bytes): Blob {
    this.#data = toBuffer(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    return bufferText(this.#data, charset);
  }

  setDataFromString(text: string, charset?: string): Blob {
    this.#data = toBuffer(text, charset);
    return this;
  }

  getContentType(): string | null {
    return this.#contentType;
  }

  setContentType(contentType: string): Blob {
    this.#contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.#name;
  }

  setName(name: string): Blob {
    this.#name = name;
    return this;
  }

  copyBlob(): Blob {
    return new Blob(Buffer.from(this.#data), this.#contentType, this.#name);
  }

  isGoogleType(): boolean {
    return false;
  }

  getAs(contentType: string): Blob {
    if (contentType !== this.#contentType) throw new AppsScriptException(`Converting to ${contentType} is not supported.`);
    return this.copyBlob();
  }

  /** Host side: the data (UrlFetchApp sends a Blob payload as it is). */
  static data(blob: Blob): Buffer {
    return blob.#data;
  }
}
