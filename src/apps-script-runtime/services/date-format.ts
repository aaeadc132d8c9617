/**
 * Utilities.formatDate's patterns (Java's SimpleDateFormat), the common letters: y M d H h m s S a E z Z X and
 * quoted text.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = zonedParts(date, timeZone);
  return pattern.replace(/'([^']*)'|([yMdHhmsSaEzZX])\2*/g, (token, quoted: string | undefined, letter?: string) => {
    if (quoted !== undefined) return quoted === "" ? "'" : quoted;
    const n = token.length;
    switch (letter) {
      case "y":
        return n === 2 ? String(parts.year).slice(-2) : String(parts.year).padStart(n, "0");
      case "M":
        return n >= 4 ? monthName(date, timeZone, "long") : n === 3 ? monthName(date, timeZone, "short") : pad(parts.month, n);
      case "d":
        return pad(parts.day, n);
      case "H":
        return pad(parts.hour, n);
      case "h":
        return pad(parts.hour % 12 === 0 ? 12 : parts.hour % 12, n);
      case "m":
        return pad(parts.minute, n);
      case "s":
        return pad(parts.second, n);
      case "S":
        return pad(date.getUTCMilliseconds(), n);
      case "a":
        return parts.hour < 12 ? "AM" : "PM";
      case "E":
        return new Intl.DateTimeFormat("en-US", { weekday: n >= 4 ? "long" : "short", timeZone }).format(date);
      case "z":
        return offsetText(parts.offsetMinutes, "GMT", ":");
      case "Z":
        return offsetText(parts.offsetMinutes, "", "");
      default:
        return parts.offsetMinutes === 0 ? "Z" : offsetText(parts.offsetMinutes, "", n >= 3 ? ":" : "");
    }
  });
}

const pad = (value: number, n: number) => String(value).padStart(n, "0");

function monthName(date: Date, timeZone: string, month: "long" | "short"): string {
  return new Intl.DateTimeFormat("en-US", { month, timeZone }).format(date);
}

function offsetText(minutes: number, prefix: string, separator: string): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${prefix}${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function zonedParts(date: Date, timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const value = (type: string) => Number(format.formatToParts(date).find((part) => part.type === type)?.value ?? 0);
  const parts = {
    year: value("year"),
    month: value("month"),
    day: value("day"),
    hour: value("hour"),
    minute: value("minute"),
    second: value("second"),
  };
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offsetMinutes = Math.round((asUtc - (date.getTime() - date.getUTCMilliseconds())) / 60_000);
  return { ...parts, offsetMinutes };
}
