import { useState } from "preact/hooks";

export type OrientationChoice = "auto" | "horizontal" | "vertical";
type Detected = "horizontal" | "vertical";

/**
 * What the wizard says of a file's orientation: detection, shown as what it found, or the person's choice for
 * this file. The choice belongs to one file: the wizard goes back to detection for the next.
 */
export function orientationNote(choice: OrientationChoice, detected: Detected): string {
  return choice === "auto" ? `Detected: ${detected}` : `Chosen for this file: ${detected}`;
}

/**
 * The orientation as a line ("Detected: horizontal — change"), and the choice once "change" is pressed. `detected`
 * is the orientation the file was read in; without it (no file yet) the choice shows at once.
 */
export function OrientationPicker(props: {
  value: OrientationChoice;
  detected?: Detected | undefined;
  onChange: (o: OrientationChoice) => void;
  disabled: boolean;
}) {
  const [open, setOpen] = useState(false);
  if (props.detected && !open)
    return (
      <p class="field orientation">
        {orientationNote(props.value, props.detected)}
        {" — "}
        <button type="button" class="link" disabled={props.disabled} onClick={() => setOpen(true)}>
          change
        </button>
      </p>
    );
  return (
    <label class="field">
      Field names run
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          setOpen(false);
          props.onChange((e.currentTarget as HTMLSelectElement).value as OrientationChoice);
        }}
      >
        {/* What detection found is known only while detection read the file. */}
        <option value="auto">detect{props.value === "auto" && props.detected ? ` (${props.detected})` : ""}</option>
        <option value="horizontal">across a header row (Horizontal)</option>
        <option value="vertical">down a column (Vertical)</option>
      </select>
    </label>
  );
}
