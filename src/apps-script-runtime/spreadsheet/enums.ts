/** Apps Script enums are objects whose constants print as their names; here each constant is its own name. */
export function enumOf<const N extends string>(names: readonly N[]): Readonly<{ [K in N]: K }> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { [K in N]: K };
}

export const ProtectionType = enumOf(["RANGE", "SHEET"]);
