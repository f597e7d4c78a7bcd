import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// WCAG contrast of Tailwind colour names ("slate-600", "primary-700", "white"),
// computed from Tailwind's own palette and our @theme in app/globals.css, so a
// palette or theme change that breaks AA fails the tests that use this.

const tailwindTheme = readFileSync(createRequire(import.meta.url).resolve("tailwindcss/theme.css"), "utf8");
const appTheme = readFileSync(fileURLToPath(new URL("../../app/globals.css", import.meta.url)), "utf8");

type Oklch = [number, number, number];

function oklchOf(colour: string): Oklch {
  if (colour === "white") return [1, 0, 0];
  const source = colour.startsWith("primary-") ? appTheme : tailwindTheme;
  const match = new RegExp(`--color-${colour}:\\s*oklch\\(([\\d.]+)(%?)\\s+([\\d.]+)\\s+([\\d.]+|none)\\)`).exec(source);
  if (!match) throw new Error(`Colour ${colour} not found`);
  const [, l, percent, c, h] = match;
  return [Number(l) / (percent ? 100 : 1), Number(c), h === "none" ? 0 : Number(h)];
}

// OKLCH -> OKLab -> linear sRGB (Björn Ottosson), clipped to gamut, then WCAG
// relative luminance.
function luminance([lightness, chroma, hueDegrees]: Oklch): number {
  const hue = (hueDegrees * Math.PI) / 180;
  const a = chroma * Math.cos(hue);
  const b = chroma * Math.sin(hue);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  const red = clip(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  const green = clip(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  const blue = clip(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

export function contrast(foreground: string, background: string): number {
  const [high, low] = [luminance(oklchOf(foreground)), luminance(oklchOf(background))].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (high + 0.05) / (low + 0.05);
}
