/**
 * The sidebar's half of first contact (docs/first-contact/README.md): `rcsheetsSelfTest()`, typed in the browser
 * console with the sidebar's frame selected, puts a button at the top of the sidebar. Its click (a popup needs one)
 * tries what only the sidebar's own script can see of HtmlService's sandbox, a popup and a download, then runs the
 * server's selfTest twice (the second run learns what became of the first one's jobs after its return) and shows the
 * second report, to be saved under docs/first-contact/.
 */

type Observations = Record<string, string>;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  selfTest(input: { sidebar: Observations }): void;
}

function popup(): string {
  const opened = window.open("about:blank", "_blank");
  if (!opened) return "blocked";
  opened.close();
  return "opened";
}

/** A script cannot see whether a download was let through: the person who ran the probe says. */
function download(): string {
  const link = document.createElement("a");
  link.href = `data:text/plain;charset=utf-8,${encodeURIComponent("rcsheets self-test download\n")}`;
  link.download = "rcsheets-self-test.txt";
  document.body.appendChild(link);
  link.click();
  link.remove();
  try {
    return window.confirm("Did rcsheets-self-test.txt download? (OK: yes, Cancel: no)") ? "arrived" : "did not arrive";
  } catch {
    return "not asked: the sandbox allows no dialog";
  }
}

/** Whether the sandbox leaves the sidebar an origin (allow-same-origin): storage and blob: links need one. */
function origin(): string {
  return window.origin === "null" ? "opaque" : "an origin of its own";
}

function selfTest(run: ScriptRun, sidebar: Observations): Promise<unknown> {
  return new Promise((resolve, reject) => run.withSuccessHandler(resolve).withFailureHandler(reject).selfTest({ sidebar }));
}

async function runProbes(out: HTMLElement): Promise<void> {
  const run = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google?.script?.run;
  if (!run) throw new Error("google.script.run is missing: open the sidebar from the add-on menu.");
  const sidebar = { "sidebar-popup": popup(), "sidebar-downloads": download(), "sidebar-origin": origin() };
  out.textContent = "Running selfTest (twice)…";
  await selfTest(run, sidebar);
  const report = JSON.stringify(await selfTest(run, sidebar), null, 2);
  console.log(report);
  out.textContent = report;
}

export function offerSelfTest(): void {
  const box = document.createElement("section");
  const button = document.createElement("button");
  const out = document.createElement("pre");
  button.textContent = "Run the self-test";
  out.style.cssText = "white-space:pre-wrap;user-select:all;font-size:11px;max-height:50vh;overflow:auto";
  button.addEventListener("click", () => {
    runProbes(out).catch((error: unknown) => {
      out.textContent = `The self-test stopped: ${error instanceof Error ? error.message : String(error)}`;
    });
  });
  box.append(button, out);
  document.body.prepend(box);
}

(globalThis as { rcsheetsSelfTest?: () => void }).rcsheetsSelfTest = offerSelfTest;
