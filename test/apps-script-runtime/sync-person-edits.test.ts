import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES } from "../../bench/sync";
import { deleteRow, insertRow, sortRows } from "../../src/apps-script-runtime/spreadsheet/person-edits";
import { USERS_TAB } from "../../src/domain/tabs";
import type { RunningSandbox } from "../../src/sandbox/index";
import { SeededRandom } from "../../src/sandbox/seeded-random";
import type { SyncPlan } from "../../src/sync/plan";
import type { ChunkReport } from "../../src/sync/runner";
import { COLLEAGUE, type GeneratedSync, type SidebarSync, startGeneratedSync, syncFigures } from "./sidebar-sync";

/**
 * While each chunk of an add-in sync runs (dist/Code.js in the local Apps Script runtime, as the sidebar drives it), a
 * second person inserts a row, deletes one or sorts the Users tab, at seeded moments: Sheets never stops them. Every
 * row must end with its own user's RC Id, and no plan may offer to delete a user whose row is still there.
 * RCSHEETS_EDIT_SEED replays a seed.
 */
const SEED = Number(process.env.RCSHEETS_EDIT_SEED ?? 20261205);
const USERS = 150;
const SCALE = 50;
const column = (key: string) => USERS_TAB.columns.findIndex((c) => c.key === key) + 1;

describe("an add-in sync while a second person edits the Users tab", () => {
  let started: GeneratedSync;
  let sandbox: RunningSandbox;
  let sync: SidebarSync;
  let existing: Set<number>;
  let lines: number[];

  beforeAll(async () => {
    started = await startGeneratedSync(USERS, SCALE);
    ({ sandbox, sync, existing, lines } = started);
  });
  afterAll(async () => await started?.close());

  it("writes every result on its own user's row through inserts, deletes and sorts, and offers no live user for deletion", async () => {
    const random = new SeededRandom(SEED);
    const users = () => sync.document.sheetByName("Users") as NonNullable<ReturnType<typeof sync.document.sheetByName>>;
    const dataRows = () => users().lastFilled("row");
    const deletedEmails = new Set<string>();
    const edits: string[] = [];
    const kinds = ["insert", "sort", "delete"] as const;
    /** One edit by the second person, of a kind drawn in turn; what it was. */
    const edit = (n: number): string => {
      const kind = kinds[n % kinds.length] as (typeof kinds)[number];
      const row = random.int(2, Math.max(dataRows(), 2));
      if (kind === "insert") insertRow(sync.document, COLLEAGUE, { sheet: "Users", after: row });
      else if (kind === "delete") {
        deletedEmails.add(String(users().cell(row, column("email")).value).toLowerCase());
        deleteRow(sync.document, COLLEAGUE, { sheet: "Users", row });
      } else
        sortRows(sync.document, COLLEAGUE, {
          sheet: "Users",
          column: column(random.int(0, 1) ? "lastName" : "email"),
          descending: random.int(0, 1) === 1,
        });
      return `${kind} ${kind === "sort" ? "" : row}`.trim();
    };

    const reports: ChunkReport[] = [];
    let done = false;
    for (let chunk = 0; !done && chunk < 40; chunk++) {
      // Four edits during the chunk, at seeded moments of it (real milliseconds after it was called).
      const timers = [random.int(30, 600), random.int(300, 1200), random.int(600, 1800), random.int(900, 2400)].map((ms) =>
        setTimeout(() => edits.push(`chunk ${chunk}: ${edit(edits.length)} at ${ms} ms`), ms),
      );
      const end = await sync.chunk(SITES, chunk > 0);
      for (const timer of timers) clearTimeout(timer);
      if (end.killed) throw new Error("an execution ran out of time");
      expect(end.report.stop).toBeUndefined();
      reports.push(end.report);
      done = end.report.done;
    }
    const figures = syncFigures(started);
    const leftAlone = reports.flatMap((r) => r.leftAlone);
    console.log(
      `person edits: ${JSON.stringify({ seed: SEED, chunks: reports.length, edits: edits.length, leftAlone: leftAlone.length, ...figures })}`,
    );
    const replay = `seed ${SEED} (RCSHEETS_EDIT_SEED=${SEED} replays it); edits: ${edits.join("; ")}`;
    expect(done, replay).toBe(true);
    // The lines go in one bulk task now: the run is two chunks long, and sees four edits or more (all three kinds).
    expect(edits.length, replay).toBeGreaterThanOrEqual(4);
    expect(new Set(edits.map((e) => e.split(" ")[2])).size, replay).toBe(3);

    // Every row holds its own user: the account's user by the row's RC Id has the row's email and Ext.
    const rows = sync.users();
    expect(figures.wrongRcId, replay).toBe(0);
    expect(figures.duplicateEmails + figures.duplicateNumbers + figures.rowsStuck + figures.intentsLeft, replay).toBe(0);
    expect(
      rows.filter((r) => r.status !== "Synced"),
      replay,
    ).toEqual([]);
    // Rows the second person inserted stay blank: nothing was written on them for someone else.
    const written = users()
      .rows.slice(1)
      .filter((line) => !line[column("email") - 1]?.value && line.some((cell) => cell && cell.value !== ""));
    expect(written, replay).toEqual([]);
    // The only users made and on no row are those whose rows the second person deleted.
    const account = sandbox.state();
    const emailOf = new Map(account.extensions.map((e) => [String(e.id), (e.contact?.email ?? "").toLowerCase()]));
    const made = account.extensions.filter((e) => e.status !== "Unassigned" && !existing.has(e.id));
    const onRows = new Set(rows.map((r) => r.email.toLowerCase()));
    const offRows = made.filter((e) => !onRows.has((e.contact?.email ?? "").toLowerCase()));
    expect(
      offRows.filter((e) => !deletedEmails.has((e.contact?.email ?? "").toLowerCase())),
      replay,
    ).toEqual([]);
    expect(figures.orphans, replay).toBe(offRows.length);
    // Their lines are still theirs (the plan offers to delete them, which releases the lines), and no other line is lost.
    expect(figures.linesLost, replay).toBe(offRows.filter((e) => lines.includes(e.id)).length);

    // The plan offers for deletion only users whose rows are truly gone, by name, and nobody on a row.
    const plan = (await sync.call("planSync", { sites: SITES })) as SyncPlan;
    const offered = plan.deletes.filter((d) => d.needsConfirmation).map((d) => emailOf.get(d.rcId ?? "") ?? "");
    expect(
      offered.filter((email) => onRows.has(email)),
      replay,
    ).toEqual([]);
    expect(new Set(offered), replay).toEqual(new Set(offRows.map((e) => (e.contact?.email ?? "").toLowerCase())));
    expect(plan.creates.length + plan.blocked.length + plan.updates.length, replay).toBe(0);
  }, 180_000);
});
