// The badges' colours stay readable in both themes (text at 4.5:1 or more, WCAG AA), and severities A, B and C differ.
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { BADGE_SURFACES, BADGE_TONES, SEVERITY_TONE } from '../../../../renderer/ui/TicketBadges';

/** WCAG 2's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(one: string, other: string): number {
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const THEMES: [string, Theme][] = [
  ['light', webLightTheme],
  ['dark', webDarkTheme],
];

describe('ticket badges', () => {
  for (const [themeName, theme] of THEMES) {
    for (const [toneName, tone] of Object.entries(BADGE_TONES)) {
      const backgrounds = tone.fill === null ? BADGE_SURFACES : [tone.fill];
      it(`${toneName} text reads at 4.5:1 on ${tone.fill ?? 'every surface'} in the ${themeName} theme`, () => {
        for (const background of backgrounds) {
          const text = String(theme[tone.text]);
          const behind = String(theme[background]);
          expect(contrast(text, behind), `${tone.text} ${text} on ${background} ${behind}`).toBeGreaterThanOrEqual(4.5);
        }
      });
    }
  }

  it("draws a severity's chart bars in a colour that stands out at 4.5:1 on every surface, in both themes", () => {
    for (const [themeName, theme] of THEMES) {
      for (const name of Object.values(SEVERITY_TONE)) {
        const mark = BADGE_TONES[name].text;
        for (const surface of BADGE_SURFACES) {
          expect(
            contrast(String(theme[mark]), String(theme[surface])),
            `${mark} on ${surface}, ${themeName}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('gives severities A, B and C each their own text and fill colour, in both themes', () => {
    for (const [, theme] of THEMES) {
      const tones = Object.values(SEVERITY_TONE).map((name) => BADGE_TONES[name]);
      expect(new Set(tones.map((tone) => theme[tone.text])).size).toBe(3);
      expect(new Set(tones.map((tone) => (tone.fill === null ? 'none' : theme[tone.fill]))).size).toBe(3);
    }
  });

  it('checks its arithmetic against the WCAG examples: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#767676', '#767676')).toBe(1);
  });
});
