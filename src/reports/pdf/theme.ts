/**
 * Look of the reports: Rijkshuisstijl-like blues, sober accents, one embedded sans family.
 * Text colours keep at least 4.5:1 contrast on white (WCAG 2.1 AA).
 */

export const COLOURS = {
  text: '#1b1b1b',
  muted: '#4d4d4d',
  primary: '#154273', // Rijkshuisstijl logoblauw
  accent: '#01689b', // donkerblauw
  light: '#8fcae7', // hemelblauw licht
  tint: '#e5eef6',
  zebra: '#f3f6f9',
  rule: '#b8c4d0',
  grid: '#dde3ea',
  warning: '#b3261e',
  warningTint: '#fbeceb',
  positive: '#275937', // donkergroen
  positiveTint: '#e8f2eb',
  white: '#ffffff',
} as const;

/** Chart series: colour plus a dash pattern so that lines never differ by colour alone. */
export const SERIES: { colour: string; dash: [number, number] | null; width: number }[] = [
  { colour: COLOURS.primary, dash: null, width: 1.8 },
  { colour: '#e17000', dash: [5, 3], width: 1.8 }, // oranje
  { colour: '#39870c', dash: [0.01, 3.4], width: 2.6 }, // groen, round dots
];

export const FONTS = {
  regular: 'Body',
  bold: 'Body-Bold',
  files: {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf',
  },
} as const;

export const SIZES = {
  body: 9.5,
  small: 8,
  table: 8.3,
  h1: 16,
  h2: 11.5,
  h3: 9.8,
  figure: 13,
  coverTitle: 26,
  lineGap: 1.6,
} as const;

/** A4 in points, with room for the running header and footer in the margins. */
export const PAGE = {
  size: 'A4',
  margins: { top: 70, bottom: 62, left: 56, right: 56 },
  headerY: 30,
  footerOffset: 38,
} as const;
