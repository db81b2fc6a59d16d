/** Colour contrast as WCAG measures it, for the tests that check edges and text can be seen. */

/** A computed colour as [r, g, b, alpha]. */
export function rgba(colour: string): number[] {
  const [r, g, b, a] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  return [r!, g!, b!, a ?? 1];
}

/** WCAG relative luminance of an `rgb(...)` colour. */
export function luminance(colour: string): number {
  const [r, g, b] = rgba(colour).slice(0, 3).map((v) => v! / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
