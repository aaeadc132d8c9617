import { RangeRef, type RuleModel } from "./document";
import { enumOf } from "./enums";
import { exception } from "./exceptions";
import { HostObject, internal, type Person } from "./person";
import { Range } from "./range";

export const DataValidationCriteria = enumOf([
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);

/** The shared rule behind a DataValidation the person's code handed back (to setDataValidation). */
export function ruleOf(validation: DataValidation): RuleModel {
  if (!(validation instanceof DataValidation)) throw exception("The parameters (Object) don't match the method signature.");
  return validation.rule;
}

/** A rule as the person's code sees it: a range argument comes back as a Range of their own. */
export class DataValidation extends HostObject {
  declare readonly rule: RuleModel;

  get [Symbol.toStringTag](): string {
    return "DataValidation";
  }

  constructor(person: Person, rule: RuleModel) {
    super(person);
    internal(this, { rule });
  }

  getCriteriaType(): string {
    this.hit("getCriteriaType");
    return this.rule.criteria;
  }

  /** Lists come back as copies, ranges as Ranges: as in Sheets, [values or range, showDropdown]. */
  getCriteriaValues(): unknown[] {
    this.hit("getCriteriaValues");
    return this.rule.args.map((arg) => {
      if (arg instanceof RangeRef) return new Range(this.person, arg.sheet, arg.area);
      return Array.isArray(arg) ? [...arg] : arg;
    });
  }

  getAllowInvalid(): boolean {
    this.hit("getAllowInvalid");
    return this.rule.allowInvalid;
  }

  getHelpText(): string {
    this.hit("getHelpText");
    return this.rule.helpText;
  }

  copy(): DataValidationBuilder {
    this.hit("copy");
    return new DataValidationBuilder(this.person, this.rule);
  }
}

interface Draft {
  criteria: string | null;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class DataValidationBuilder extends HostObject {
  declare private readonly draft: Draft;

  get [Symbol.toStringTag](): string {
    return "DataValidationBuilder";
  }

  constructor(person: Person, from?: RuleModel) {
    super(person);
    const draft: Draft = from
      ? { criteria: from.criteria, args: [...from.args], allowInvalid: from.allowInvalid, helpText: from.helpText }
      : { criteria: null, args: [], allowInvalid: true, helpText: "" };
    internal(this, { draft });
  }

  requireValueInList(values: string[], showDropdown = true): this {
    this.hit("requireValueInList");
    return this.require(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }

  requireValueInRange(range: Range, showDropdown = true): this {
    this.hit("requireValueInRange");
    if (!(range instanceof Range))
      throw exception(
        "The parameters (Object,Boolean) don't match the method signature for DataValidationBuilder.requireValueInRange.",
      );
    return this.require(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }

  withCriteria(criteria: string, args: unknown[]): this {
    this.hit("withCriteria");
    return this.require(criteria, [...args]);
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this.hit("setAllowInvalid");
    this.draft.allowInvalid = allowInvalid;
    return this;
  }

  setHelpText(helpText: string): this {
    this.hit("setHelpText");
    this.draft.helpText = helpText;
    return this;
  }

  build(): DataValidation {
    this.hit("build");
    const { criteria, args, allowInvalid, helpText } = this.draft;
    if (criteria === null) throw exception("You must specify a criteria for data validation.");
    return new DataValidation(this.person, { criteria, args: [...args], allowInvalid, helpText });
  }

  /** Ranges are kept as sheet and area, which every person's facade can turn back into a Range. */
  private require(criteria: string, args: unknown[]): this {
    this.draft.criteria = criteria;
    this.draft.args = args.map((arg) => (arg instanceof Range ? new RangeRef(arg.sheet, arg.at) : arg));
    return this;
  }
}
