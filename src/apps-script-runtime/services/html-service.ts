import { AppsScriptException } from "../exception";
import type { HostService } from "../host-service";

/**
 * HtmlService, as far as the add-in uses it: outputs from a string or from one of the project's HTML files. Showing
 * one is the Ui's job (SpreadsheetApp): it receives the HtmlOutput host object and reads `HtmlOutput.contentOf`.
 */
export class HtmlOutput {
  #content: string;
  #title = "";
  #width: number | null = null;
  #height: number | null = null;

  constructor(content: string) {
    this.#content = content;
  }

  get [Symbol.toStringTag]() {
    return "HtmlOutput";
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): HtmlOutput {
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.#content += String(addedContent);
    return this;
  }

  clear(): HtmlOutput {
    this.#content = "";
    return this;
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): HtmlOutput {
    this.#title = String(title);
    return this;
  }

  getWidth(): number | null {
    return this.#width;
  }

  setWidth(width: number): HtmlOutput {
    this.#width = Number(width);
    return this;
  }

  getHeight(): number | null {
    return this.#height;
  }

  setHeight(height: number): HtmlOutput {
    this.#height = Number(height);
    return this;
  }

  setSandboxMode(): HtmlOutput {
    return this;
  }

  setXFrameOptionsMode(): HtmlOutput {
    return this;
  }

  addMetaTag(): HtmlOutput {
    return this;
  }

  setFaviconUrl(): HtmlOutput {
    return this;
  }

  /** Host side: what a sidebar or dialog shows. */
  static contentOf(output: HtmlOutput): { content: string; title: string; width: number | null; height: number | null } {
    return { content: output.#content, title: output.#title, width: output.#width, height: output.#height };
  }
}

class HtmlServiceRoot {
  readonly SandboxMode = { IFRAME: "IFRAME", NATIVE: "NATIVE", EMULATED: "EMULATED" };
  readonly XFrameOptionsMode = { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" };
  readonly #files: Readonly<Record<string, string>>;

  constructor(files: Readonly<Record<string, string>>) {
    this.#files = files;
  }

  get [Symbol.toStringTag]() {
    return "HtmlService";
  }

  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(html === undefined ? "" : String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename).replace(/\.html$/, "");
    const content = this.#files[name];
    if (content === undefined) throw new AppsScriptException(`No HTML file named ${name} was found.`);
    return new HtmlOutput(content);
  }
}

export function htmlService(files: Readonly<Record<string, string>>): HostService {
  return { name: "HtmlService", create: () => new HtmlServiceRoot(files) };
}
