import { describe, expect, it } from "vitest";
import { passwordProblems } from "../../src/domain/validation/credentials";
import type { ExtensionRecord } from "../../src/sandbox/account/model";
import { checkPassword } from "../../src/sandbox/account/rules";

/**
 * One password rule, the platform's: whatever validation accepts, the sandbox (which plays the platform) accepts
 * too, so a password never passes validation and fails at sync. Validation may be stricter on runs (DOMAIN.md: 3
 * sequential characters; the platform refuses 4), never looser.
 */
const extension = { contact: { firstName: "Ann", lastName: "Lee" } } as unknown as ExtensionRecord;
const context = { firstName: "Ann", lastName: "Lee", phone: null };
const platformAccepts = (password: string) => checkPassword(password, extension, []) === undefined;
const validationAccepts = (password: string) => passwordProblems(password, context).length === 0;

const SPECIALS = [..."!@#$%^&*."];
const OTHERS = [..."-_+=~`'\",;:/?\\|()[]{}<> "];

describe("the password rule is the platform's", () => {
  it.each(SPECIALS)("%s counts as the special character a lower-case password needs", (special) => {
    const password = `quiet${special}72${special}lake`;
    expect(validationAccepts(password)).toBe(true);
    expect(platformAccepts(password)).toBe(true);
  });

  it.each(OTHERS)("%j is not a special character: validation refuses what the platform refuses", (other) => {
    const password = `quiet${other}72${other}lake`;
    expect(platformAccepts(password)).toBe(false);
    expect(validationAccepts(password)).toBe(false);
  });

  it("over a corpus, nothing validation accepts is refused by the platform", () => {
    const corpus: string[] = [];
    const parts = ["river", "Stone", "quiet", "7", "42", "x9", "LAKE", "ann", "Lee9"];
    const joins = ["", ".", "-", "!", "_", "#", " "];
    for (const a of parts) for (const b of parts) for (const j of joins) corpus.push(`${a}${j}${b}${j}${a.length}`);
    const disagreements = corpus.filter((p) => validationAccepts(p) && !platformAccepts(p));
    expect(disagreements).toEqual([]);
    // And the rule is not vacuous: most of the corpus is accepted by both.
    expect(corpus.filter((p) => validationAccepts(p)).length).toBeGreaterThan(corpus.length / 4);
  });
});
