import type { PermissionChoice } from "../src/server/custom-roles";

/**
 * The Permissions cell of a role based on another, from the form's checkboxes: the permissions added (`Id`) and
 * taken away (`-Id`) from the base's, so the row says what differs and follows its base otherwise.
 */
export function permissionEdits(base: readonly PermissionChoice[], chosen: ReadonlySet<string>): string {
  return base.flatMap((p) => (p.held && !chosen.has(p.id) ? [`-${p.id}`] : !p.held && chosen.has(p.id) ? [p.id] : [])).join(";");
}
