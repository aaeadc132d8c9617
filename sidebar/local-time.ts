/**
 * An ISO time as the person's clock reads it: the sheet keeps ISO (the same for every reader, and sortable); the
 * sidebar runs in the person's browser, in their time zone. Anything else is shown as it is.
 */
export function localTime(iso: string): string {
  const at = new Date(iso);
  return iso && !Number.isNaN(at.getTime()) ? at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : iso;
}
