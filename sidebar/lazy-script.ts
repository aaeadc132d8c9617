/**
 * A library the page carries as text (a `<script type="text/plain">` the build fills, see scripts/build.ts) and runs
 * the first time it is needed: the sidebar stays one self-contained page for HtmlService, and people who never
 * export or import an .xlsx never pay for parsing those libraries. The script puts what it offers on `globalThis`.
 */
export function lazyScript<T>(elementId: string, global: string): T {
  const holder = globalThis as Record<string, unknown>;
  if (holder[global] === undefined) {
    const script = document.createElement("script");
    script.text = document.getElementById(elementId)?.textContent ?? "";
    document.head.appendChild(script);
  }
  const offered = holder[global];
  if (offered === undefined) throw new Error(`This page is missing its ${elementId} script.`);
  return offered as T;
}
