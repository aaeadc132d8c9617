/**
 * Which Users rows an action takes: the rows selected on the Users tab, or the rows the tag filter shows (only while
 * a filter is on). The panels that act on rows (Roles, Users) share it, and send what it chose as a RowTarget.
 */
export function RowTargetChoice(props: {
  name: string;
  legend: string;
  filter: string | null;
  onTag: boolean;
  setOnTag: (onTag: boolean) => void;
}) {
  const { name, legend, filter, onTag, setOnTag } = props;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label class="check">
        <input type="radio" name={name} checked={!onTag || !filter} onChange={() => setOnTag(false)} />
        The rows selected on the Users tab
      </label>
      <label class="check">
        <input type="radio" name={name} checked={onTag && Boolean(filter)} disabled={!filter} onChange={() => setOnTag(true)} />
        {filter ? `The rows shown by the filter ${filter}` : "The rows a tag filter shows (filter on the Tags panel)"}
      </label>
    </fieldset>
  );
}

/** The RowTarget the choice stands for. */
export function rowTarget(filter: string | null, onTag: boolean) {
  return onTag && filter ? { kind: "tag" as const, tag: filter } : { kind: "selected" as const };
}
