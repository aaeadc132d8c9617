/** The star after a required field's name, joined by a no-break space so that it never wraps onto a line alone. */
export const STAR = "\u00a0*";

export function RequiredMark() {
  return (
    <span class="required" title="Required">
      {STAR}
    </span>
  );
}
