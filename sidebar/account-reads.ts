import { useEffect, useState } from "preact/hooks";

/**
 * The account was read (connecting, Get started, Refresh account, the line above a panel): whatever shows when it was
 * read, or what it holds, looks again. A count that moves with each read, for effects to depend on.
 */
const listeners = new Set<() => void>();

export function accountWasRead(): void {
  for (const listener of listeners) listener();
}

export function useAccountReads(): number {
  const [reads, setReads] = useState(0);
  useEffect(() => {
    const listener = () => setReads((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return reads;
}
