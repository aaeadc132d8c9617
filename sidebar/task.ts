import { useState } from "preact/hooks";

/** One task at a time per panel: what runs, what went wrong. The server says what; the panel only shows it. */
export function useTask<T extends string>() {
  const [busy, setBusy] = useState<T | null>(null);
  const [problem, setProblem] = useState("");
  const run = async (what: T, task: () => Promise<void>) => {
    setBusy(what);
    setProblem("");
    try {
      await task();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  return { busy, problem, setProblem, run };
}
