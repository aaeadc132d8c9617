import { useState } from "preact/hooks";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { useTask } from "../task";

const FIELDS = [
  ["country", "Country (2 letters)"],
  ["state", "State or region"],
  ["city", "City"],
  ["street", "Street"],
  ["postalCode", "Postal code"],
] as const;
type Address = Record<(typeof FIELDS)[number][0], string>;

/**
 * "Add it to Sites" for a site only Users rows name: what a new site needs (its address) asked in place, then a
 * Sites row that the next sync creates in the account.
 */
export function AddSite({
  name,
  onAdded,
  complete = false,
}: {
  name: string;
  /** With what was done: the list reloads, and this entry with it, so the panel says it. */
  onAdded: (message: string) => void;
  complete?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState<Address>({ country: "", state: "", city: "", street: "", postalCode: "" });
  const task = useTask<"add">();
  const add = () =>
    task.run("add", async () => {
      const answer = await rpc("addSite", { name, ...address });
      if (!answer.added) return task.setProblem(answer.problem);
      setOpen(false);
      onAdded(answer.message);
    });
  if (!open)
    return (
      <button type="button" class="link small" onClick={() => setOpen(true)}>
        {complete ? `Give ${name}'s address on Sites…` : `Add ${name} to Sites…`}
      </button>
    );
  return (
    <form
      class="add-site"
      aria-label={complete ? `${name}'s address` : `Add ${name} to Sites`}
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}
          <input required value={address[key]} onInput={(e) => setAddress({ ...address, [key]: e.currentTarget.value })} />
        </label>
      ))}
      <div class="actions">
        <button type="submit" class="primary" disabled={task.busy !== null}>
          {complete ? "Save the address" : "Add to Sites"}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <Notice problem={task.problem} />
    </form>
  );
}
