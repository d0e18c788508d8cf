/**
 * The health badge: the score with its tone, the reasons on click or hover, Escape closes them.
 * The reasons come from data/health.json (what the analytics report for a half-covered map).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import RelationshipMapHealthBadge from 'c/relationshipMapHealthBadge';

interface Health {
  score: number;
  reasons: string[];
}
const health = (): Health => JSON.parse(readFileSync(join(__dirname, 'data', 'health.json'), 'utf8')) as Health;

function mount(props: { score: number | null; reasons: string[]; state?: string | null }) {
  const element = createElement('c-relationship-map-health-badge', { is: RelationshipMapHealthBadge });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();
const byId = (el: HTMLElement, id: string): HTMLElement | null =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-id="${id}"]`);

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-relationship-map-health-badge', () => {
  it('shows the score with a label for screen readers and a tone by score', async () => {
    const element = mount(health());
    await flush();
    const badge = byId(element, 'health')!;
    expect(badge.textContent?.trim()).toBe('Health 58');
    expect(badge.getAttribute('aria-label')).toBe('Map health 58 of 100');
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    expect(badge.className).toContain('rm-health_fair');

    Object.assign(element, { score: 85 });
    await flush();
    expect(byId(element, 'health')!.className).toContain('rm-health_good');
    Object.assign(element, { score: 12 });
    await flush();
    expect(byId(element, 'health')!.className).toContain('rm-health_poor');
  });

  it('lists the reasons on click and closes them on Escape', async () => {
    const element = mount(health());
    await flush();
    expect(byId(element, 'health-reasons')).toBeNull();

    byId(element, 'health')!.click();
    await flush();
    const reasons = byId(element, 'health-reasons')!;
    expect(Array.from(reasons.querySelectorAll('li')).map((li) => li.textContent)).toEqual(health().reasons);
    expect(byId(element, 'health')!.getAttribute('aria-expanded')).toBe('true');
    await expect(element).toBeAccessible();

    byId(element, 'health')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(byId(element, 'health-reasons')).toBeNull();
  });

  it('opens on hover and closes when the pointer leaves', async () => {
    const element = mount(health());
    await flush();
    byId(element, 'health')!.dispatchEvent(new CustomEvent('mouseenter'));
    await flush();
    expect(byId(element, 'health-reasons')).not.toBeNull();
    element.shadowRoot!.querySelector('.rm-health-wrap')!.dispatchEvent(new CustomEvent('mouseleave'));
    await flush();
    expect(byId(element, 'health-reasons')).toBeNull();
  });

  it('says so when there is nothing to improve', async () => {
    const element = mount({ score: 100, reasons: [] });
    await flush();
    byId(element, 'health')!.click();
    await flush();
    expect(byId(element, 'health-reasons')!.textContent).toContain('Nothing to improve');
  });

  it('follows the health state: a gated map is not green whatever its score', async () => {
    const element = mount({ score: 69, reasons: ['Marcus Whitfield (economic buyer) is a Skeptic: …'], state: 'fair' });
    await flush();
    expect(byId(element, 'health')!.className).toContain('rm-health_fair');
    Object.assign(element, { score: 75, state: 'poor' });
    await flush();
    expect(byId(element, 'health')!.className).toContain('rm-health_poor');
    Object.assign(element, { state: 'healthy' });
    await flush();
    expect(byId(element, 'health')!.className).toContain('rm-health_good');
  });

  it('a map without decision makers says what is missing in a neutral colour, not a red 0', async () => {
    const first = 'Add the decision makers to score this map (role Decision Maker or Economic Buyer).';
    const element = mount({ score: 0, reasons: [first], state: 'unscored' });
    await flush();
    const badge = byId(element, 'health')!;
    expect(badge.textContent?.trim()).toBe('Not scored');
    expect(badge.getAttribute('aria-label')).toBe('Map health not scored yet');
    expect(badge.className).toContain('rm-health_neutral');
    expect(badge.className).not.toContain('rm-health_poor');
    badge.click();
    await flush();
    expect(byId(element, 'health-reasons')!.querySelector('li')!.textContent).toBe(first);
    await expect(element).toBeAccessible();
  });
});
