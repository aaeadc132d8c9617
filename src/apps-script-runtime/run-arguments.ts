/**
 * google.script.run's rule for arguments (developers.google.com/apps-script/guides/html/reference/run): legal are
 * primitives (Number, Boolean, String, null) and objects and arrays composed of them; "Requests fail if you attempt
 * to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types inside
 * objects or arrays." `undefined` as an object's field is prohibited here too (the brief of this runtime); an
 * undefined array item becomes null, as the page says.
 */

/** The reason the arguments cannot be sent, or null; and the arguments as the server receives them. */
export function checkRunArguments(args: readonly unknown[]): { refusal: string } | { args: unknown[] } {
  try {
    return { args: args.map((arg) => copy(arg, "argument")) };
  } catch (error) {
    return { refusal: (error as Error).message };
  }
}

function copy(value: unknown, where: string): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean" || typeof value === "number") return value;
  if (value === undefined) throw prohibited("undefined", where);
  if (typeof value === "function") throw prohibited("a function", where);
  if (value instanceof Date) throw prohibited("a Date", where);
  if (Array.isArray(value)) return value.map((item, i) => (item === undefined ? null : copy(item, `${where}[${i}]`)));
  const prototype = Object.getPrototypeOf(value);
  if (typeof value !== "object" || (prototype !== Object.prototype && prototype !== null))
    throw prohibited(Object.prototype.toString.call(value), where);
  const fields: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) fields[key] = copy(item, `${where}.${key}`);
  return fields;
}

function prohibited(what: string, where: string): Error {
  return new Error(`google.script.run cannot pass ${what} (${where}): only primitives, objects and arrays are legal.`);
}
