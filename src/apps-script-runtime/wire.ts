/**
 * Values between the host and an execution's context, on the host's side. The same format is read and written
 * inside the context by `worker/context-bridge.mjs` (see its header): plain data and Dates travel as tagged JSON;
 * a host object travels as a handle, which the context turns into a remote object.
 */

export type Wire = null | boolean | string | number | Wire[] | { "#": string; [key: string]: unknown };

/** The host objects one execution has seen, both ways: the same object always has the same handle. */
export class HandleTable {
  private readonly byObject = new Map<object, number>();
  private readonly entries: { object: object; service: string }[] = [];
  private readonly classesSent = new Set<string>();

  add(object: object, service: string): { id: number; isNew: boolean } {
    const known = this.byObject.get(object);
    if (known !== undefined) return { id: known, isNew: false };
    const id = this.entries.length;
    this.entries.push({ object, service });
    this.byObject.set(object, id);
    return { id, isNew: true };
  }

  get(id: number): { object: object; service: string } {
    const entry = this.entries[id];
    if (!entry) throw new Error(`Unknown object handle ${id}`);
    return entry;
  }

  /** Whether this class's method names have already been sent to the execution (sent once per class). */
  firstOfClass(className: string): boolean {
    if (this.classesSent.has(className)) return false;
    this.classesSent.add(className);
    return true;
  }
}

/** A host object: anything that names its Apps Script class (the seam's first rule). */
export function isHostObject(value: unknown): value is object {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    typeof (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "string"
  );
}

export function className(object: object): string {
  return String((object as { [Symbol.toStringTag]: string })[Symbol.toStringTag]);
}

/** The method names a host object offers: functions along its prototype chain, but the constructor and `_` names. */
export function methodNames(object: object): string[] {
  const names = new Set<string>();
  for (let level: object | null = object; level && level !== Object.prototype; level = Object.getPrototypeOf(level))
    for (const name of Object.getOwnPropertyNames(level)) {
      if (name === "constructor" || name.startsWith("_")) continue;
      const descriptor = Object.getOwnPropertyDescriptor(level, name);
      if (descriptor && typeof descriptor.value === "function") names.add(name);
    }
  return [...names];
}

export function encode(value: unknown, table: HandleTable, service: string): Wire {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : { "#": "n", v: String(value) };
  if (value === undefined) return { "#": "u" };
  if (value instanceof Date) return { "#": "d", v: value.getTime() };
  if (Array.isArray(value)) return value.map((item) => encode(item, table, service));
  if (isHostObject(value)) return encodeHostObject(value, table, service);
  if (typeof value === "object") {
    const fields: Record<string, Wire> = {};
    for (const [key, item] of Object.entries(value)) fields[key] = encode(item, table, service);
    return { "#": "o", v: fields };
  }
  return String(value);
}

function encodeHostObject(object: object, table: HandleTable, service: string): Wire {
  const { id, isNew } = table.add(object, service);
  const cls = className(object);
  if (!isNew) return { "#": "h", i: id, c: cls };
  const constants: Record<string, Wire> = {};
  for (const [key, item] of Object.entries(object)) if (typeof item !== "function") constants[key] = encode(item, table, service);
  return { "#": "h", i: id, c: cls, k: constants, ...(table.firstOfClass(cls) ? { m: methodNames(object) } : {}) };
}

export function decode(wire: unknown, table: HandleTable): unknown {
  if (wire === null || typeof wire !== "object") return wire;
  if (Array.isArray(wire)) return wire.map((item) => decode(item, table));
  const tagged = wire as { "#": string; v?: unknown; i?: number };
  switch (tagged["#"]) {
    case "o": {
      const object: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(tagged.v as Record<string, unknown>)) object[key] = decode(item, table);
      return object;
    }
    case "d":
      return new Date(tagged.v as number);
    case "n":
      return Number(tagged.v);
    case "h":
      return table.get(tagged.i as number).object;
    default:
      // undefined, and functions (never meaningful to a host method)
      return undefined;
  }
}
