import { isCountryCode, parseE164 } from "./phone";
import { areaCodesOfPlace } from "./place-area-codes";
import type { LocationRecord, UnassignedLineRecord } from "./records";
import { type LineType, USER_TYPE_RULES, type UserType } from "./user-type";
import type { Workspace } from "./workspace";

/** A row that needs a line: which type, from which country and area code, or one specific line. */
export interface LineDemand {
  row: number;
  userType: UserType;
  lineType: LineType;
  country: string;
  /** '' for any area code. */
  areaCode: string;
  /**
   * The area to take a line from first when the row asks for none: its site's own area code (the site's number's, or
   * its lines'); lines of the country serve it when the area has none left. '' for none.
   */
  preferredAreaCode: string;
  /** An unassigned extension's RC Id or phone number, or ''. */
  specific: string;
  /** Which rule picked the line's country (or the line itself), in the words the plan shows. */
  rule: string;
}

/** Rows of one kind of demand that the pool could not serve. */
export interface LineShortfall {
  userType: UserType;
  country: string;
  areaCode: string;
  needed: number;
  available: number;
  /** Rows left without a line. */
  rows: number[];
  /** Lines of this type and country that rows asking for an area code or a specific line took first. */
  takenByNarrower: number;
}

/** A specific line asked for that cannot be had, and why. */
export interface LineRefusal {
  row: number;
  reason: string;
}

export interface LineAssignment {
  /** Sheet row → the line it takes. */
  lines: Map<number, UnassignedLineRecord>;
  shortfalls: LineShortfall[];
  refusals: LineRefusal[];
}

/**
 * The lines the workspace's not-yet-synced rows need. Country: "the country selected for this user" — the location's
 * Number Country when the line should come from elsewhere, else the location's Country, else the site's country,
 * else the workspace default; the Locations tab narrows it to an area code or one specific line.
 */
export function lineDemands(workspace: Workspace): LineDemand[] {
  const locations = new Map(workspace.locations.map((l) => [l.email.toLowerCase(), l]));
  const siteCountry = new Map<string, string>();
  for (const site of workspace.account.sites) if (site.country) siteCountry.set(site.name, site.country.toUpperCase());
  for (const site of workspace.sites) if (site.country) siteCountry.set(site.name, site.country.toUpperCase());
  const siteArea = siteAreas(workspace);
  const demands: LineDemand[] = [];
  for (const user of workspace.users) {
    const rule = USER_TYPE_RULES[user.userType as UserType];
    if (!rule?.line || user.rcId) continue;
    const location = locations.get(user.email.toLowerCase());
    const country = countryOf(location, siteCountry.get(user.site), workspace.settings.defaultCountry);
    const areaCode = location?.areaCode ?? "";
    const specific = location?.unassignedExt ?? "";
    // The site's own area applies only to a line from the site's country: a Number Country elsewhere overrides it.
    const area = !specific && !areaCode && country.fromSite ? siteArea.get(user.site) : undefined;
    const preferred = area?.code ?? "";
    demands.push({
      row: user.row,
      userType: user.userType as UserType,
      lineType: rule.line,
      country: country.code,
      areaCode,
      preferredAreaCode: preferred,
      specific,
      rule: specific
        ? "the Unassigned Ext on Locations"
        : areaCode
          ? `${country.rule}, area code ${areaCode}`
          : area
            ? `the site's area code ${area.code}${area.why}, then ${country.rule}`
            : country.rule,
    });
  }
  return demands;
}

/**
 * Each site's own area: an account site's (its number's area code), else for a site on the Sites tab the area its
 * address names (a new office: `areaCodesOfPlace`), said in the rule.
 */
function siteAreas(workspace: Workspace): Map<string, { code: string; why: string }> {
  const areas = new Map<string, { code: string; why: string }>();
  for (const site of workspace.account.sites) if (site.areaCode) areas.set(site.name, { code: site.areaCode, why: "" });
  for (const site of workspace.sites) {
    const [code] = areas.has(site.name) ? [] : areaCodesOfPlace(site);
    if (code) areas.set(site.name, { code, why: ` (its address, ${site.city.trim()} ${site.state.trim()})` });
  }
  return areas;
}

/** The first of the Locations Number Country, the Locations Country, the site's country and the Default Country. */
function countryOf(
  location: LocationRecord | undefined,
  site: string | undefined,
  fallback: string,
): { code: string; rule: string; fromSite: boolean } {
  const numberCountry = location?.numberCountry.trim().toUpperCase() ?? "";
  if (numberCountry)
    return { code: numberCountry, rule: `Number Country ${numberCountry} on Locations`, fromSite: numberCountry === site };
  const own = location?.country.trim().toUpperCase() ?? "";
  if (isCountryCode(own)) return { code: own, rule: `the user's country ${own} on Locations`, fromSite: own === site };
  if (site) return { code: site, rule: `the site's country ${site}`, fromSite: true };
  return { code: fallback, rule: `Default Country ${fallback}`, fromSite: false };
}

/**
 * Gives each demand its own line. Specific choices first, then rows that ask for an area code, then rows that take
 * any line of their country: each later kind accepts a superset of the earlier kinds' lines, so serving the narrow
 * ones first serves the most rows. Among the last, rows whose site has an area of its own take its lines first, and
 * only what that area lacks comes from the rest of the country; no row is left without a line for it, since the
 * country's pass still serves them all. Deterministic: rows in sheet order, lines in pool order.
 */
export function assignLines(demands: readonly LineDemand[], pool: readonly UnassignedLineRecord[]): LineAssignment {
  const free = new Set(pool);
  const lines = new Map<number, UnassignedLineRecord>();
  const refusals: LineRefusal[] = [];
  const takenBy = new Map<UnassignedLineRecord, number>();

  for (const demand of demands.filter((d) => d.specific)) {
    const line = findSpecific(pool, demand.specific);
    const refusal = line
      ? refuseSpecific(demand, line, takenBy.get(line))
      : `${demand.specific} is not an unassigned extension of the account.`;
    if (refusal || !line) refusals.push({ row: demand.row, reason: refusal ?? "" });
    else {
      lines.set(demand.row, line);
      takenBy.set(line, demand.row);
      free.delete(line);
    }
  }

  const shortfalls: LineShortfall[] = [];
  const open = demands.filter((d) => !d.specific);
  for (const narrow of [true, false]) {
    for (const group of groupDemands(open.filter((d) => (d.areaCode !== "") === narrow))) {
      const first = group[0] as LineDemand;
      const matching = [...free].filter((line) => fits(line, first));
      const takenFirst = linesTakenFirst(lines, first);
      for (const [demand, line] of pairInArea(group, matching)) {
        lines.set(demand.row, line);
        free.delete(line);
      }
      if (group.length > matching.length)
        shortfalls.push(shortfallOf(group, matching.length, takenFirst, (demand) => !lines.has(demand.row)));
    }
  }
  return { lines, shortfalls, refusals };
}

/**
 * Rows of one group paired with the lines that fit them all: rows whose site has an area of its own take its lines
 * first, the others (and those whose area ran out) take what is left in pool order. As many rows are served as
 * without the preference: every line fits every row of the group.
 */
function pairInArea(
  group: readonly LineDemand[],
  matching: readonly UnassignedLineRecord[],
): [LineDemand, UnassignedLineRecord][] {
  const left = new Set(matching);
  const pairs: [LineDemand, UnassignedLineRecord][] = [];
  const waiting: LineDemand[] = [];
  for (const demand of group) {
    const line = demand.preferredAreaCode ? firstInArea(left, demand.preferredAreaCode) : undefined;
    if (line) {
      pairs.push([demand, line]);
      left.delete(line);
    } else waiting.push(demand);
  }
  const rest = [...left];
  waiting.forEach((demand, i) => {
    const line = rest[i];
    if (line) pairs.push([demand, line]);
  });
  return pairs;
}

/** The first line left, in pool order, of an area: walked, not copied (a copy a row was a group's size squared). */
function firstInArea(left: ReadonlySet<UnassignedLineRecord>, areaCode: string): UnassignedLineRecord | undefined {
  for (const line of left) if (line.areaCode === areaCode) return line;
  return undefined;
}

function groupDemands(demands: readonly LineDemand[]): LineDemand[][] {
  const groups = new Map<string, LineDemand[]>();
  for (const demand of demands) {
    const key = `${demand.userType}|${demand.country}|${demand.areaCode}`;
    const group = groups.get(key);
    if (group) group.push(demand);
    else groups.set(key, [demand]);
  }
  return [...groups.values()];
}

function fits(line: UnassignedLineRecord, demand: LineDemand): boolean {
  return (
    line.lineType === demand.lineType &&
    line.country.toUpperCase() === demand.country &&
    (demand.areaCode === "" || line.areaCode === demand.areaCode)
  );
}

function findSpecific(pool: readonly UnassignedLineRecord[], wanted: string): UnassignedLineRecord | undefined {
  const asNumber = wanted.startsWith("+") ? parseE164(wanted)?.e164 : undefined;
  return pool.find(
    (line) => line.rcId === wanted || line.phone === wanted || (asNumber !== undefined && line.phone === asNumber),
  );
}

function refuseSpecific(demand: LineDemand, line: UnassignedLineRecord, takenByRow: number | undefined): string | null {
  if (takenByRow !== undefined) return `Unassigned Ext ${demand.specific} is already chosen by row ${takenByRow}.`;
  if (line.lineType !== demand.lineType)
    return `Unassigned Ext ${demand.specific} is a ${line.lineType} line; a ${demand.userType} needs a ${demand.lineType} line.`;
  return null;
}

/** How many lines already given away would have fitted a row that takes any line of its country. */
function linesTakenFirst(lines: ReadonlyMap<number, UnassignedLineRecord>, demand: LineDemand): number {
  if (demand.areaCode) return 0;
  return [...lines.values()].filter((line) => fits(line, demand)).length;
}

function shortfallOf(
  group: LineDemand[],
  available: number,
  takenByNarrower: number,
  unserved: (demand: LineDemand) => boolean,
): LineShortfall {
  const first = group[0] as LineDemand;
  return {
    takenByNarrower,
    userType: first.userType,
    country: first.country,
    areaCode: first.areaCode,
    needed: group.length,
    available,
    rows: group.filter(unserved).map((d) => d.row),
  };
}

/** "12 Users need US 650 lines; 8 are unassigned." */
export function describeShortfall(shortfall: LineShortfall): string {
  const who = shortfall.needed === 1 ? shortfall.userType : pluralType(shortfall.userType);
  const need = shortfall.needed === 1 ? "needs" : "need";
  const where = [shortfall.country, shortfall.areaCode].filter(Boolean).join(" ");
  const have = shortfall.available === 1 ? "1 is" : `${shortfall.available} are`;
  const after = shortfall.takenByNarrower
    ? ` (${shortfall.takenByNarrower} more went to rows that ask for an area code or a specific line)`
    : "";
  return `${shortfall.needed} ${who} ${need} ${where} lines; ${have} unassigned${after}.`;
}

function pluralType(type: UserType): string {
  return type.endsWith("User") || type.endsWith("Extension") ? `${type}s` : `${type} extensions`;
}
