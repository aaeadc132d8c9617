/**
 * A count and its noun, as every count the product writes says it: "1 error", "0 errors", "2 role changes",
 * "1 entry" / "3 entries" (an irregular plural given). One rule, shared by the server's messages and the sidebar
 * (the one module the sidebar takes at run time from outside src/server: words, not rules).
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
