import type { MetadataModel, SheetModel } from "./document";
import { HostObject, internal, type Person } from "./person";

/** Sheet-level developer metadata: a key and a value that stay with the sheet, which people never see. */
export class DeveloperMetadata extends HostObject {
  declare private readonly sheet: SheetModel;
  declare private readonly model: MetadataModel;

  get [Symbol.toStringTag](): string {
    return "DeveloperMetadata";
  }

  constructor(person: Person, sheet: SheetModel, model: MetadataModel) {
    super(person);
    internal(this, { sheet, model });
  }

  getId(): number {
    this.hit("getId");
    return this.model.id;
  }

  getKey(): string {
    this.hit("getKey");
    return this.model.key;
  }

  setKey(key: string): this {
    this.hit("setKey");
    this.model.key = key;
    this.sheet.document.touch();
    return this;
  }

  getValue(): string | null {
    this.hit("getValue");
    return this.model.value;
  }

  setValue(value: string): this {
    this.hit("setValue");
    this.model.value = value;
    this.sheet.document.touch();
    return this;
  }

  /** Scripts see metadata of visibility DOCUMENT; this runtime keeps no other. */
  getVisibility(): string {
    this.hit("getVisibility");
    return "DOCUMENT";
  }

  remove(): void {
    this.hit("remove");
    const index = this.sheet.metadata.indexOf(this.model);
    if (index >= 0) this.sheet.metadata.splice(index, 1);
    this.sheet.document.touch();
  }
}
