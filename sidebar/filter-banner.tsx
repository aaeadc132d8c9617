import { counted } from "../src/domain/counted";
import { rpc } from "./rpc";

/** The tag filter on, as the server last said it: which tag and how many rows it shows. */
export interface ActiveFilter {
  tag: string;
  shown: number;
}

/**
 * Above every panel while a tag filter is on: rows hidden in the sheet are never a mystery, even after a reload.
 * Clear shows every row again.
 */
export function FilterBanner({ filter, onCleared }: { filter: ActiveFilter; onCleared: () => void }) {
  const clear = () =>
    rpc("filterByTag", { tag: null }).then(
      () => onCleared(),
      () => undefined,
    );
  return (
    <p class="status filter-on" role="status" aria-label="Tag filter">
      Filter on: <strong>{filter.tag}</strong>, {counted(filter.shown, "row")} shown; the others are hidden.{" "}
      <button type="button" class="link" onClick={clear}>
        Clear filter: show all rows
      </button>
    </p>
  );
}
