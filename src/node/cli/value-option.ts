import { type ValueMapping, valueMappingFromHeaders } from "../../mapping/value-mapping";
import { UsageError } from "./usage-error";

const EXAMPLE = '--value "User Type:RingEX Standard=User"';

/**
 * `--value "Column:source value=what it becomes"`, repeatable: the column up to the first ":", the target after the
 * last "=" (a source value may hold either). The first wrong flag is refused in one line naming what is wrong.
 */
export function valueOption(flags: readonly string[]): ValueMapping {
  const byHeader: Record<string, Record<string, string>> = {};
  for (const flag of flags) {
    const colon = flag.indexOf(":");
    const equals = flag.lastIndexOf("=");
    if (colon < 1)
      throw new UsageError(`--value "${flag}" names no column: write "Column:source value=target", e.g. ${EXAMPLE}.`);
    if (equals <= colon + 1) throw new UsageError(`--value "${flag}" has no "source value=target": e.g. ${EXAMPLE}.`);
    const header = flag.slice(0, colon).trim();
    byHeader[header] = { ...byHeader[header], [flag.slice(colon + 1, equals)]: flag.slice(equals + 1) };
  }
  const { values, problems } = valueMappingFromHeaders(byHeader);
  if (problems[0]) throw new UsageError(`--value: ${problems[0].message}`);
  return values;
}
