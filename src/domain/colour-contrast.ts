/**
 * WCAG 2 contrast between two `#rrggbb` colours (1 to 21), and a fill lightened toward white until text reads on
 * it at AA (4.5:1). A person picks a tag's colour freely; the cells painted with it must stay readable.
 */

/** The darkest text a cell shows: Sheets' default black, the playground grid's #202124 (the lighter of the two). */
export const CELL_TEXT = "#202124";
export const AA_CONTRAST = 4.5;

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour itself when CELL_TEXT reads on it at AA; else the first 5% step toward white where it does. */
export function readableFill(colour: string): string {
  const rgb = channels(colour);
  if (!rgb || contrastRatio(colour, CELL_TEXT) >= AA_CONTRAST) return colour;
  for (let white = 0; white <= 100; white += 5) {
    const fill = hex(rgb.map((c) => Math.round(c + ((255 - c) * white) / 100)));
    if (contrastRatio(fill, CELL_TEXT) >= AA_CONTRAST) return fill;
  }
  return "#ffffff";
}

function luminance(colour: string): number {
  const [r, g, b] = (channels(colour) ?? [0, 0, 0]).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function channels(colour: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  return m
    ? [Number.parseInt(m[1] as string, 16), Number.parseInt(m[2] as string, 16), Number.parseInt(m[3] as string, 16)]
    : null;
}

function hex(rgb: number[]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}
