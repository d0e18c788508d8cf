import { LINK_STYLES, STANCE_STYLES, nodeRadius, stanceOf, strengthWidth } from 'c/relationshipMapTheme';
import { STANCES } from 'c/relationshipGraph';

/** WCAG relative luminance of a #RRGGBB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('c/relationshipMapTheme', () => {
  it('gives every stance its own colour and its own letter, so colour is never the only cue', () => {
    const styles = STANCES.map((s) => STANCE_STYLES[s]);
    expect(new Set(styles.map((s) => s.color)).size).toBe(STANCES.length);
    expect(new Set(styles.map((s) => s.letter)).size).toBe(STANCES.length);
  });

  it('keeps the stance letter readable on its node colour (WCAG AA, 4.5:1)', () => {
    const tooFaint = STANCES.filter((s) => contrast(STANCE_STYLES[s].color, STANCE_STYLES[s].textColor) < 4.5);
    expect(tooFaint).toEqual([]);
  });

  it('draws conflicts red and dashed, and reporting lines with an arrow', () => {
    expect(LINK_STYLES.Conflict.dash).not.toBe('');
    expect(LINK_STYLES.Conflict.color).toBe('#D55E00');
    expect(LINK_STYLES['Reports To'].arrow).toBe(true);
  });

  it('reads blanks as the data model defaults', () => {
    expect(stanceOf(null)).toBe('Unknown');
    expect(strengthWidth(undefined)).toBe(strengthWidth('Medium'));
    expect(strengthWidth('Strong')).toBeGreaterThan(strengthWidth('Weak'));
  });

  it('sizes nodes by decision influence, bounded for bad input', () => {
    expect(nodeRadius(1)).toBeGreaterThan(nodeRadius(0.25));
    expect(nodeRadius(0.25)).toBeGreaterThan(nodeRadius(0));
    expect(nodeRadius(Number.NaN)).toBe(nodeRadius(0));
    expect(nodeRadius(5)).toBe(nodeRadius(1));
  });
});
