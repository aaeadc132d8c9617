/**
 * google.script.run's arguments as the playground's page sends them (src/playground/page/google-script-run.ts):
 * JSON with what JSON would lose marked. They are turned back into the values the page passed, so that the runtime
 * refuses a Date, a function or `undefined` as Apps Script does, rather than the page hiding them.
 */
export function decodeRunArguments(wire: unknown): unknown[] {
  return Array.isArray(wire) ? wire.map(decode) : [];
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== "object") return value;
  const marked = value as { $type?: unknown; value?: unknown; name?: unknown };
  switch (marked.$type) {
    case "undefined":
      return undefined;
    case "function":
      return () => undefined;
    case "Date":
      return new Date(Number(marked.value));
    case "object":
      // Neither a plain object nor an array (a Map, a DOM element…): an instance of a class of that name.
      return Object.create({ constructor: { name: String(marked.name ?? "") } });
    case "plain":
      return decodeFields(marked.value);
    default:
      return decodeFields(value);
  }
}

function decodeFields(value: unknown): Record<string, unknown> {
  const fields = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(fields).map(([key, item]) => [key, decode(item)]));
}
