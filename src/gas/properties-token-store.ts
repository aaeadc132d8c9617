import type { Token, TokenStore } from "../ringcentral/token";

/** A person's token in their own user properties: per person, never in the sheet, never seen by other editors. */
export class PropertiesTokenStore implements TokenStore {
  private readonly key: string;

  constructor(server: string) {
    this.key = `rcsheets.token.${server.replace(/^[a-z]+:\/\//i, "")}`;
  }

  load(): Token | null {
    const text = PropertiesService.getUserProperties().getProperty(this.key);
    if (!text) return null;
    try {
      return JSON.parse(text) as Token;
    } catch {
      return null;
    }
  }

  save(token: Token): void {
    PropertiesService.getUserProperties().setProperty(this.key, JSON.stringify(token));
  }

  clear(): void {
    PropertiesService.getUserProperties().deleteProperty(this.key);
  }
}
