import table from "areacodes/lib/data.json" with { type: "json" };

/** One area code of the `areacodes` table: the city and state it is named after (the build keeps only these). */
interface AreaCodePlace {
  city?: string | null;
  stateCode?: string | null;
}

const PLACES = table as Record<string, AreaCodePlace>;

/**
 * The area codes of a US office by its address, lowest first: where a new site's numbers belong before the account
 * has a number of its own there. The `areacodes` package names one city per code, so a city with several codes
 * gets them all (New York City: 212, 646, 917…) and a suburb none (its users then take any line of the country).
 * The state is matched by its two-letter code (TX), the city by name ("New York" and "New York City" alike).
 */
export function areaCodesOfPlace(place: { country: string; state: string; city: string }): string[] {
  if (place.country.trim().toUpperCase() !== "US") return [];
  const state = place.state.trim().toLowerCase();
  const city = cityKey(place.city);
  if (!state || !city) return [];
  return Object.keys(PLACES)
    .filter((code) => {
      const at = PLACES[code] ?? {};
      return at.stateCode?.toLowerCase() === state && cityKey(at.city ?? "") === city;
    })
    .sort();
}

function cityKey(city: string): string {
  return city
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/ city$/, "");
}
