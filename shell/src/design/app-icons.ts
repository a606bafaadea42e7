import { svg, type SVGTemplateResult } from 'lit';
import type { AppIconName } from '@preau/sdk/web';

/** One tile per app: a rounded square in the app's colour with a white line drawing (48 × 48, stroke 3). */
interface AppIcon {
  colour: string;
  glyph: SVGTemplateResult;
}

// Each colour carries white at a contrast of at least 4.5:1, so the drawing reads on every screen.
export const APP_ICONS: Record<AppIconName, AppIcon> = {
  messaging: { colour: '#1f5fbf', glyph: svg`<rect x="11" y="15" width="26" height="19" rx="2.5"/><path d="m12 17 12 9 12-9"/>` },
  notebook: { colour: '#6d3aa6', glyph: svg`<rect x="14" y="10" width="21" height="28" rx="2.5"/><path d="M19 10v28M23 18h8M23 24h8"/>` },
  news: { colour: '#b3401a', glyph: svg`<rect x="10" y="12" width="28" height="24" rx="2.5"/><path d="M15 18h9M15 24h18M15 30h18"/><rect x="28" y="17" width="5" height="2" />` },
  lunch: { colour: '#1d6b35', glyph: svg`<path d="M16 11v8a3.5 3.5 0 0 0 7 0v-8M19.5 11v26M31 11c-3.5 3-3.5 11 0 13v13"/>` },
  documents: { colour: '#8a5a00', glyph: svg`<path d="M10 16a2 2 0 0 1 2-2h7.5l3 3H36a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H12a2 2 0 0 1-2-2z"/><path d="M10 21h28"/>` },
  blog: { colour: '#0f6b62', glyph: svg`<path d="m15 33 2.5-7.5L30 13l5 5-12.5 12.5zM27 16l5 5M13 37h22"/>` },
  agenda: { colour: '#9d174d', glyph: svg`<rect x="11" y="13" width="26" height="24" rx="2.5"/><path d="M11 20h26M18 9v7M30 9v7M17 26h4M27 26h4M17 31h4"/>` },
  textbook: { colour: '#4338ca', glyph: svg`<path d="M24 15c-4-3-8.5-3.5-13-2.5v22c4.5-1 9-.5 13 2.5 4-3 8.5-3.5 13-2.5v-22c-4.5-1-9-.5-13 2.5zM24 15v22"/>` },
  media: { colour: '#0b5d8a', glyph: svg`<circle cx="24" cy="24" r="12.5"/><path d="m21 18.5 8 5.5-8 5.5z" fill="#fff"/>` },
  app: { colour: '#4a5263', glyph: svg`<rect x="12" y="12" width="10" height="10" rx="2"/><rect x="26" y="12" width="10" height="10" rx="2"/><rect x="12" y="26" width="10" height="10" rx="2"/><rect x="26" y="26" width="10" height="10" rx="2"/>` },
};

/** The tile of a named icon, as an inline SVG (decorative: the app's name is beside it). */
export function appIconSvg(name: AppIconName): SVGTemplateResult {
  const icon = APP_ICONS[name];
  return svg`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false"><rect width="48" height="48" rx="12" fill=${icon.colour}/><g fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${icon.glyph}</g></svg>`;
}
