/**
 * The decision-maker strip: rows from the analytics' decision-maker summary, checked by hand on a
 * small map (coverage, warm path, days, next step, order), then the sample Northwind map (Marcus
 * Whitfield, the Skeptic economic buyer, among those not supporting us), then the component: the
 * closed line, Details, select.
 */
import RelationshipMapDecisionMakers from 'c/relationshipMapDecisionMakers';
import { analyzeMap, formatStrength } from 'c/relationshipGraph';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { decisionMakerStrip } from '../decisionMakersModel';
import { clearBody, listen, mount } from '../../relationshipMapToolbar/__tests__/data/support';
import { SAMPLE_AS_OF, sampleMap } from './data/sample';

const NOW = new Date('2026-11-01T12:00:00Z');

// Dana (ours) knows Lee well; Lee reports to Morgan (Skeptic economic buyer, no link from us);
// Riley (Supporter decision maker) is Dana's own contact; Pat (Unknown decision maker) nobody reaches.
const people: MapPerson[] = [
  { id: 'dana', name: 'Dana Ortiz', side: 'Our Company', stance: 'Champion' },
  { id: 'lee', name: 'Lee Park', stance: 'Supporter', lastInteraction: '2026-10-01' },
  {
    id: 'morgan',
    name: 'Morgan Reyes',
    role: 'Economic Buyer',
    authority: 'High',
    stance: 'Skeptic',
    sentiment: 'Negative',
    lastInteraction: '2026-06-14',
  },
  {
    id: 'riley',
    name: 'Riley Chen',
    role: 'Decision Maker',
    authority: 'Medium',
    stance: 'Supporter',
    lastInteraction: '2026-10-31',
  },
  { id: 'pat', name: 'Pat Kim', role: 'Decision Maker', authority: 'Medium', stance: 'Unknown' },
  { id: 'gone', name: 'Jo Trimmed', role: 'Decision Maker', stance: 'Opponent', excluded: true },
];
const links: InfluenceLink[] = [
  { id: 'l1', fromId: 'dana', toId: 'lee', type: 'Relationship', strength: 'Strong' },
  { id: 'l2', fromId: 'lee', toId: 'morgan', type: 'Reports To', strength: 'Strong' },
  { id: 'l3', fromId: 'riley', toId: 'dana', type: 'Relationship', strength: 'Medium' },
];

describe('decisionMakerStrip', () => {
  const analysis = analyzeMap({ people, links }, { now: NOW });
  const summary = decisionMakerStrip(analysis);
  const row = (id: string) => summary.rows.find((r) => r.personId === id)!;

  it('lists the decision makers on the map, not supporting us first, then by authority and name', () => {
    expect(summary.rows.map((r) => r.personId)).toEqual(['morgan', 'pat', 'riley']);
    expect(summary.notSupporting).toBe(2);
    expect(summary.uncovered).toBe(2);
    expect(summary.headline).toBe('3 decision makers · 2 not supporting us · 2 not covered');
  });

  it('says who covers them, the best warm path with its strength, and how long since we spoke', () => {
    expect(row('riley')).toMatchObject({ covered: true, coveredText: 'Covered by Dana Ortiz', supporting: true });
    expect(row('morgan')).toMatchObject({
      roleLabel: 'Economic buyer',
      stance: 'Skeptic',
      sentiment: 'Negative',
      authority: 'High',
      covered: false,
      coveredText: 'Not covered by our people',
      hasPath: true,
      daysSince: 140,
      lastText: '140 days ago',
    });
    // Dana → Lee (Relationship, Strong) → Morgan (Reports To, Strong), as the analytics value it.
    const best = analysis.warmPaths.find((w) => w.decisionMakerId === 'morgan')!.paths[0];
    expect(best.personIds).toEqual(['dana', 'lee', 'morgan']);
    expect(row('morgan').pathStrength).toBe(formatStrength(best.strength));
    expect(row('morgan').pathText).toBe(best.explanation);
    expect(row('pat')).toMatchObject({ hasPath: false, pathText: 'No warm path', lastText: 'never', stale: true });
    expect(row('riley').lastText).toBe('1 day ago');
  });

  it('names the next step for each', () => {
    // The analytics' next step (analysis.decisionMakers), word for word.
    expect(row('morgan').nextStep).toBe(
      `Ask Lee Park to introduce Dana Ortiz to Morgan Reyes (strength ${row('morgan').pathStrength}).`
    );
    expect(row('pat').nextStep).toBe('Find someone who knows Pat Kim: none of our people can reach them yet.');
    expect(row('riley').nextStep).toBe('Keep Riley Chen close.');
    expect(summary.rows.map((r) => r.nextStep)).toEqual(analysis.decisionMakers.map((d) => d.nextStep));
  });

  it('counts days from the date, whatever the time of day', () => {
    const days = (lastInteraction: string, now: string) =>
      decisionMakerStrip(analyzeMap({ people: [{ ...people[3], lastInteraction }], links: [] }, { now })).rows[0]
        .daysSince;
    expect(days('2026-10-31', '2026-11-01T12:00:00Z')).toBe(1);
    expect(days('2026-11-01', '2026-11-01T23:59:00Z')).toBe(0);
    expect(days('not a date', '2026-11-01T12:00:00Z')).toBeNull();
  });

  it('never throws on bad data', () => {
    const bad = [null, { id: 'x', name: 'X', role: 'Economic Buyer' }] as unknown as MapPerson[];
    const strip = decisionMakerStrip(
      analyzeMap({ people: bad, links: [null] as unknown as InfluenceLink[] }, { now: NOW })
    );
    expect(strip.rows).toHaveLength(1);
    expect(decisionMakerStrip(null).rows).toHaveLength(0);
  });

  it('on the sample map, puts the three not supporting us first, Marcus Whitfield among them', () => {
    const sample = sampleMap();
    const s = decisionMakerStrip(analyzeMap(sample, { now: SAMPLE_AS_OF }));
    expect(s.rows.map((r) => `${r.name} (${r.stance})`)).toEqual([
      'Dieter Vogel (Opponent)',
      'Marcus Whitfield (Skeptic)',
      'Olivia Grant (Neutral)',
      'Frank Morrison (Supporter)',
      'Priya Raman (Supporter)',
    ]);
    expect(s.rows.filter((r) => r.covered).map((r) => r.coveredText)).toEqual([
      'Covered by Jordan Blake, Karen Doyle',
      'Covered by Jordan Blake',
    ]);
    expect(s.rows.find((r) => r.name === 'Marcus Whitfield')).toMatchObject({
      roleLabel: 'Economic buyer',
      lastText: '140 days ago',
    });
  });
});

describe('c-relationship-map-decision-makers', () => {
  afterEach(clearBody);
  const mountStrip = () =>
    mount('c-relationship-map-decision-makers', RelationshipMapDecisionMakers, {
      analysis: analyzeMap({ people, links }, { now: NOW }),
    });
  const q = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);

  it('is one line of names until Details opens a card each; a name selects the person', async () => {
    const element = mountStrip();
    await Promise.resolve();
    expect(q(element, '[data-id="dm-headline"]')!.textContent).toBe('2 of 3 not supporting us');
    const names = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[data-id="dm-names"] button')];
    // The letter is aria-hidden: the button reads "Morgan Reyes, Skeptic".
    expect(names.map((b) => b.textContent)).toEqual([
      'KMorgan Reyes, Skeptic',
      '?Pat Kim, Unknown',
      'SRiley Chen, Supporter',
    ]);
    expect(q(element, '[data-id="dm-cards"]')).toBeNull();
    const toggle = q(element, '[data-id="dm-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await expect(element).toBeAccessible();

    toggle.click();
    await Promise.resolve();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(q(element, '[data-id="dm-headline"]')!.textContent).toBe(
      '3 decision makers · 2 not supporting us · 2 not covered'
    );
    const card = q(element, '[data-row="morgan"]')!;
    expect(card.querySelector('[data-part="covered"]')!.textContent).toBe('Not covered by our people');
    expect(card.querySelector('[data-part="last"]')!.textContent).toBe('Last interaction: 140 days ago');
    expect(card.querySelector('[data-part="next"]')!.textContent).toContain('introduce Dana Ortiz');
    expect(card.className).toContain('rm-dm_unsupported');
    await expect(element).toBeAccessible();

    const selects = listen(element, 'select');
    card.querySelector<HTMLElement>('[data-person="morgan"]')!.click();
    expect(selects).toEqual([{ personId: 'morgan' }]);
  });

  it('says what to add when the map has no decision makers', async () => {
    const element = mount('c-relationship-map-decision-makers', RelationshipMapDecisionMakers, {
      analysis: analyzeMap({ people: [people[0], people[1]], links: [] }, { now: NOW }),
    });
    await Promise.resolve();
    expect(q(element, '[data-id="dm-none"]')!.textContent).toContain('Decision Maker or Economic Buyer');
    expect(q(element, '[data-id="dm-toggle"]')).toBeNull();
  });
});
