import { describe, expect, it } from "vitest";
import { validateWorkspace } from "../../src/domain/validation/index";
import { user, workspace } from "./fixture";

const QUESTIONS = ["What was your first pet's name?", "In what city were you born?"];
const questionFindings = (secretQuestion: string, secretQuestions: string[]) =>
  validateWorkspace(workspace({ users: [user({ secretQuestion })], settings: { secretQuestions } })).filter(
    (f) => f.column === "Secret Question",
  );

describe("the Secret Question is one of the account's", () => {
  it("accepts a question of the account's list, whatever its case", () => {
    expect(questionFindings("in what city were you born?", QUESTIONS)).toEqual([]);
  });
  it("refuses free text once the list is known, and says where to choose", () => {
    expect(questionFindings("Favourite colour?", QUESTIONS)).toEqual([
      expect.objectContaining({
        severity: "error",
        rule: "users.secret.question",
        message: expect.stringMatching(/not one of the account's secret questions: choose one from the dropdown \(2 listed/),
      }),
    ]);
  });
  it("takes any text before the first refresh (the list is unknown)", () => {
    expect(questionFindings("Favourite colour?", [])).toEqual([]);
  });
});
