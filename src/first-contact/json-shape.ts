/**
 * The shape of a JSON value: every field's path with its JSON type (`records[].contact.email` → "string"), the items
 * of an array merged under `[]`. Two answers of one operation have the same shape when the platform and the sandbox
 * agree on what a client may read, whatever the values (ids, names, URIs).
 */
export function shapeOf(value: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    out.set(path, "array");
    for (const item of value) shapeOf(item, `${path}[]`, out);
  } else if (value !== null && typeof value === "object") {
    out.set(path, "object");
    for (const [key, inner] of Object.entries(value)) shapeOf(inner, path ? `${path}.${key}` : key, out);
  } else out.set(path, value === null ? "null" : typeof value);
  return out;
}
