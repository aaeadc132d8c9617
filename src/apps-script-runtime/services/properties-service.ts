import { AppsScriptException } from "../exception";
import type { Execution, HostService } from "../host-service";

/**
 * PropertiesService: script, user (per person) and document properties, kept by the host for the runtime's life.
 * Limits (developers.google.com/apps-script/guides/services/quotas#current_limitations): a value 9 KB, a store
 * 500 KB in all.
 */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const PROPERTY_VALUE_TOO_LARGE = "Argument too large: value";
export const PROPERTY_STORE_FULL = "You have exceeded the property storage quota. Please remove some properties and try again.";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** One store's data, host side: tests and the playground may read it. */
export class PropertyStore {
  readonly values = new Map<string, string>();

  size(): number {
    let total = 0;
    for (const [key, value] of this.values) total += bytes(key) + bytes(value);
    return total;
  }

  /** Writes the changes only if the store stays within its limits. */
  write(changes: Readonly<Record<string, string>>, deleteAllOthers = false): void {
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [key, value] of Object.entries(changes)) {
      if (bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new AppsScriptException(PROPERTY_VALUE_TOO_LARGE);
      next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > PROPERTY_STORE_MAX_BYTES) throw new AppsScriptException(PROPERTY_STORE_FULL);
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
  }
}

/** Apps Script's Properties class over one store. */
export class Properties {
  readonly #store: PropertyStore;

  constructor(store: PropertyStore) {
    this.#store = store;
  }

  get [Symbol.toStringTag]() {
    return "Properties";
  }

  getProperty(key: string): string | null {
    return this.#store.values.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this.#store.values);
  }

  getKeys(): string[] {
    return [...this.#store.values.keys()];
  }

  setProperty(key: string, value: unknown): Properties {
    this.#store.write({ [String(key)]: String(value) });
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    const changes: Record<string, string> = {};
    for (const [key, value] of Object.entries(properties ?? {})) changes[key] = String(value);
    this.#store.write(changes, deleteAllOthers === true);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.#store.values.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.#store.values.clear();
    return this;
  }
}

export class PropertyStores {
  readonly script = new PropertyStore();
  readonly document = new PropertyStore();
  readonly #users = new Map<string, PropertyStore>();

  user(email: string): PropertyStore {
    let store = this.#users.get(email);
    if (!store) {
      store = new PropertyStore();
      this.#users.set(email, store);
    }
    return store;
  }
}

class PropertiesServiceRoot {
  readonly #stores: PropertyStores;
  readonly #execution: Execution;

  constructor(stores: PropertyStores, execution: Execution) {
    this.#stores = stores;
    this.#execution = execution;
  }

  get [Symbol.toStringTag]() {
    return "PropertiesService";
  }

  getScriptProperties(): Properties {
    return new Properties(this.#stores.script);
  }

  getUserProperties(): Properties {
    return new Properties(this.#stores.user(this.#execution.user));
  }

  /** Null where document properties are not available: outside a containing document. */
  getDocumentProperties(): Properties | null {
    return this.#execution.standalone ? null : new Properties(this.#stores.document);
  }
}

export function propertiesService(stores: PropertyStores): HostService {
  return { name: "PropertiesService", create: (execution) => new PropertiesServiceRoot(stores, execution) };
}
