import { createElement } from 'lwc';
import RelationshipMapPlan from 'c/relationshipMapPlan';
import type { InfluenceLink, MapAnalysis, MapPerson } from 'c/relationshipGraph';
import { STANCE_STYLES } from 'c/relationshipMapTheme';
import { analyzeMap } from 'c/relationshipGraph';
import { analyze, loadFixture, withPerson } from './fixtures';
import { SAMPLE_AS_OF, sampleMap } from '../../relationshipMapDecisionMakers/__tests__/data/sample';
import type { Fixture } from './fixtures';

interface PlanProps {
  analysis: MapAnalysis | null;
  people: MapPerson[];
  links: InfluenceLink[];
}
type PlanElement = HTMLElement & PlanProps;

function mount(fixture: Fixture | null, analysis: MapAnalysis | null = fixture ? analyze(fixture) : null): PlanElement {
  const element = createElement<PlanProps>('c-relationship-map-plan', { is: RelationshipMapPlan });
  element.analysis = analysis;
  element.people = fixture?.people ?? [];
  element.links = fixture?.links ?? [];
  document.body.appendChild(element);
  return element;
}

const root = (element: PlanElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const all = (element: PlanElement, selector: string): HTMLElement[] =>
  Array.from(root(element).querySelectorAll<HTMLElement>(selector));
const one = (element: PlanElement, selector: string): HTMLElement => {
  const found = root(element).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
/** Text with whitespace collapsed. */
const textOf = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Person ids listed in a section, in order. */
const listed = (element: PlanElement, section: string): string[] =>
  all(element, `[data-section="${section}"] li[data-person]`).map((li) => li.dataset.person ?? '');
/** "#E69F00" → "rgb(230, 159, 0)", as the DOM reports colours. */
const hexToRgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
/** The stance chip of a list item: [letter, label]. */
const chip = (node: Element): [string, string] => {
  const c = node.querySelector('.stance-chip');
  const letter = textOf(c?.querySelector('.stance-letter') ?? null);
  return [letter, textOf(c).slice(letter.length)];
};
const badgeLabels = (node: Element): string[] =>
  Array.from(node.querySelectorAll('lightning-badge')).map((b) => (b as unknown as { label: string }).label);

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-relationship-map-plan', () => {
  describe('with the Acme renewal map', () => {
    const fixture = loadFixture('acme-renewal');
    const analysis = analyze(fixture);

    it('shows the health score, its band and every component with its score and weight', () => {
      const element = mount(fixture, analysis);
      expect(textOf(one(element, '[data-id="health-score"]'))).toBe(String(analysis.health.score));
      expect(analysis.health.score).toBe(55);
      expect((one(element, '[data-id="health-band"]') as unknown as { label: string }).label).toBe('Needs attention');
      const components = all(element, '[data-component]');
      expect(components.map((c) => c.dataset.component)).toEqual([
        'support',
        'coverage',
        'freshness',
        'roles',
        'completeness',
      ]);
      for (const c of analysis.health.components) {
        const text = textOf(one(element, `[data-component="${c.key}"]`));
        expect(text).toContain(c.label);
        expect(text).toContain(`${c.score} of 100`);
        expect(text).toContain(`(weight ${c.weight})`);
      }
    });

    it('lists every health reason, each under its component', () => {
      const element = mount(fixture, analysis);
      const shown = all(element, '.health-reason').map(textOf);
      expect([...shown].sort()).toEqual([...analysis.health.reasons].sort());
      expect(shown).toContain('No Executive Sponsor: no executive owns the relationship.');
      expect(all(element, '[data-component="roles"] .health-reason').map(textOf)).toEqual([
        'No Executive Sponsor: no executive owns the relationship.',
      ]);
      expect(root(element).querySelector('[data-empty="health"]')).toBeNull();
    });

    it('opens with a one-sentence summary', () => {
      const element = mount(fixture, analysis);
      expect(textOf(one(element, '[data-id="summary"]'))).toBe(
        '2 of 2 decision makers do not support us. ' +
          'Map health 55 of 100 (needs attention). 2 people are expected to resist, 1 without a contingency plan. ' +
          '2 potential allies, 1 missing role, 2 coverage gaps.'
      );
    });

    it('shows the contingency plan of expected resistance that has one', () => {
      const element = mount(fixture, analysis);
      expect(listed(element, 'resistance')).toEqual(['riley', 'pat']);
      const riley = one(element, '[data-section="resistance"] [data-person="riley"]');
      expect(textOf(riley.querySelector('.contingency-plan'))).toBe(
        "Contingency plan: Offer a phased migration that keeps his team's reporting stack"
      );
      expect(chip(riley)).toEqual(['K', 'Skeptic']);
      // The theme's stance colour; the letter repeats the word, so screen readers skip it.
      const rileyChip = riley.querySelector<HTMLElement>('.stance-chip');
      expect(rileyChip?.style.backgroundColor).toBe(hexToRgb(STANCE_STYLES.Skeptic.color));
      expect(riley.querySelector('.stance-letter')?.getAttribute('aria-hidden')).toBe('true');
      expect(textOf(riley)).toContain('CIO');
      expect(textOf(riley)).toContain('Decision influence 50%');
      expect(riley.querySelector('.no-plan')).toBeNull();
    });

    it('flags an Opponent who loses and has no contingency plan with a warning badge', () => {
      const element = mount(fixture, analysis);
      const pat = one(element, '[data-section="resistance"] [data-person="pat"]');
      expect(chip(pat)).toEqual(['O', 'Opponent']);
      expect(pat.querySelector('.contingency-plan')).toBeNull();
      const badge = pat.querySelector('.no-plan lightning-badge') as unknown as {
        label: string;
        iconName: string;
        iconAlternativeText: string;
      };
      expect(badge).toMatchObject({
        label: 'No contingency plan',
        iconName: 'utility:warning',
        iconAlternativeText: 'Warning',
      });
    });

    it('shows the plan, not the warning, once the Opponent has a contingency plan', () => {
      const planned = withPerson(fixture, 'pat', { contingencyPlan: '  Pair Pat with our integration architect  ' });
      const element = mount(planned);
      const pat = one(element, '[data-section="resistance"] [data-person="pat"]');
      expect(textOf(pat.querySelector('.contingency-plan'))).toBe(
        'Contingency plan: Pair Pat with our integration architect'
      );
      expect(badgeLabels(pat)).not.toContain('No contingency plan');
      expect(root(element).querySelector('.no-plan')).toBeNull();
    });

    it('lists potential allies with what we need from them', () => {
      const element = mount(fixture, analysis);
      expect(listed(element, 'allies')).toEqual(['morgan', 'kim']);
      const morgan = one(element, '[data-section="allies"] [data-person="morgan"]');
      expect(textOf(morgan.querySelector('.needs'))).toBe(
        'What we need from them: Budget approval before the Q3 board meeting'
      );
      expect(chip(morgan)).toEqual(['N', 'Neutral']);
      const kim = one(element, '[data-section="allies"] [data-person="kim"]');
      expect(textOf(kim.querySelector('.needs'))).toBe('What we need from them is not written down yet.');
      expect(chip(kim)).toEqual(['?', 'Unknown']);
    });

    it('lists the people whose success-side effect is negative, with their expected reaction', () => {
      const element = mount(fixture, analysis);
      expect(listed(element, 'loses')).toEqual(['riley', 'pat']);
      const riley = one(element, '[data-section="loses"] [data-person="riley"]');
      expect(textOf(riley.querySelector('.effect'))).toBe('Loses if we succeed and is Skeptic.');
      expect(textOf(riley)).toContain('Expected reaction: Will argue that migrating puts his reporting stack at risk');
    });

    it('lists a missing role with a suggestion, and not the roles the map has', () => {
      const element = mount(fixture, analysis);
      const roles = all(element, '[data-section="roles"] li[data-role]');
      expect(roles.map((r) => r.dataset.role)).toEqual(['executive-sponsor']);
      expect(textOf(roles[0])).toContain('No Executive Sponsor: No executive owns the relationship.');
      expect(textOf(roles[0].querySelector('.suggestion'))).toBe(
        'Ask one of our executives to sponsor the account and meet their executive counterpart.'
      );
      const icon = roles[0].querySelector('lightning-icon') as unknown as { alternativeText: string };
      expect(icon.alternativeText).toBe('Missing role');
      // The same verdict as the health module's Key roles component.
      const rolesComponent = analysis.health.components.find((c) => c.key === 'roles');
      expect(rolesComponent?.reasons).toHaveLength(roles.length);
    });

    it('suggests coaching the most influential Supporter when there is no Champion', () => {
      const noChampion = withPerson(fixture, 'alex', { role: 'Influencer', stance: 'Supporter' });
      const element = mount(noChampion);
      expect(all(element, '[data-section="roles"] li[data-role]').map((r) => r.dataset.role)).toEqual([
        'champion',
        'executive-sponsor',
      ]);
      expect(textOf(one(element, '[data-role="champion"] .suggestion'))).toBe(
        'Coach Lee, already a Supporter, to champion the goal inside their company.'
      );
    });

    it('lists coverage gaps with their reasons, decision makers first and weakest first', () => {
      const element = mount(fixture, analysis);
      expect(listed(element, 'coverage')).toEqual(['riley', 'morgan']);
      const riley = one(element, '[data-section="coverage"] [data-person="riley"]');
      expect(textOf(riley)).toContain('Decision maker');
      expect(textOf(riley)).toContain('Coverage 50%');
      expect(
        Array.from(riley.querySelectorAll<HTMLElement>('.gap-reason')).map((r) => [r.dataset.code, textOf(r)])
      ).toEqual([
        ['no-relationship', 'No relationship: None of our people has a Relationship link with them.'],
        ['only-through-opponents', 'Only through opponents: Can only be reached through an opponent (Pat).'],
      ]);
      const morgan = one(element, '[data-section="coverage"] [data-person="morgan"]');
      expect(textOf(morgan)).toContain('Economic buyer');
      expect(Array.from(morgan.querySelectorAll<HTMLElement>('.gap-reason')).map((r) => r.dataset.code)).toEqual([
        'no-relationship',
      ]);
    });

    it('fires select with the person id when any person is clicked', () => {
      const element = mount(fixture, analysis);
      const handler = jest.fn();
      element.addEventListener('select', handler);
      const buttons = all(element, 'button.person');
      expect(buttons.map((b) => b.dataset.id)).toEqual([
        // Decision makers not supporting us come first: Riley (Skeptic), Morgan (Neutral).
        'riley',
        'morgan',
        'riley',
        'pat',
        'morgan',
        'kim',
        'riley',
        'pat',
        'riley',
        'morgan',
      ]);
      buttons.forEach((b) => b.click());
      expect(handler).toHaveBeenCalledTimes(buttons.length);
      const detail = (call: unknown[]) => (call[0] as CustomEvent<{ personId: string }>).detail;
      expect(handler.mock.calls.map((c) => detail(c).personId)).toEqual(buttons.map((b) => b.dataset.id));
      const event = handler.mock.calls[0][0] as CustomEvent;
      expect(event.bubbles).toBe(false);
      expect(event.composed).toBe(false);
    });

    it('is accessible', async () => {
      const element = mount(fixture, analysis);
      await expect(element).toBeAccessible();
    });
  });

  describe('empty states', () => {
    it('says so in plain words in every section when nothing needs doing', () => {
      const fixture = loadFixture('all-clear');
      const analysis = analyze(fixture);
      expect(analysis.health.score).toBe(100);
      const element = mount(fixture, analysis);
      const empty = (section: string) => textOf(one(element, `[data-empty="${section}"]`));
      expect(empty('health')).toBe('Nothing holds the score back: every component is at 100.');
      expect(empty('resistance')).toBe('No expected resistance: nobody loses from this goal.');
      expect(empty('allies')).toBe(
        'No potential allies waiting: nobody who gains from this goal is Neutral or of unknown stance.'
      );
      expect(empty('loses')).toBe('Nobody loses if we succeed.');
      expect(empty('roles')).toBe(
        'No missing roles: the map has a Champion, an Executive Sponsor and an Economic Buyer.'
      );
      expect(empty('coverage')).toBe(
        'No coverage gaps: we have a relationship with every key person, know their stance and can reach them.'
      );
      expect((one(element, '[data-id="health-band"]') as unknown as { label: string }).label).toBe('Healthy');
      expect(all(element, 'button.person')).toHaveLength(0);
    });

    it('says that everyone who loses supports us when only supporters lose', () => {
      const fixture = withPerson(loadFixture('all-clear'), 'eve', { goalImpact: 'Loses' });
      const element = mount(fixture);
      expect(textOf(one(element, '[data-empty="resistance"]'))).toBe(
        'No expected resistance: everyone who loses from this goal supports us.'
      );
      expect(listed(element, 'loses')).toEqual(['eve']);
      expect(textOf(one(element, '[data-section="loses"] .effect'))).toBe(
        'Supports us although our success costs them: keep them close.'
      );
    });

    it('lists all three missing roles and nobody to cover on an empty map', () => {
      const fixture: Fixture = { description: 'empty', now: '2025-06-30T12:00:00Z', people: [], links: [] };
      const element = mount(fixture);
      expect(all(element, '[data-section="roles"] li[data-role]').map((r) => r.dataset.role)).toEqual([
        'champion',
        'executive-sponsor',
        'economic-buyer',
      ]);
      expect(textOf(one(element, '[data-role="champion"] .suggestion'))).toBe(
        'Find someone who gains from the goal and help them make the case inside their company.'
      );
      expect(textOf(one(element, '[data-role="economic-buyer"] .suggestion'))).toBe(
        'Ask our contacts who approves the budget, then add that person with the role Economic Buyer.'
      );
      expect(textOf(one(element, '[data-empty="coverage"]'))).toBe(
        'No coverage gaps to show: no decision makers or high-authority people are on the map yet.'
      );
      // A map without decision makers is not scored (issue 16): no red "At risk".
      expect(analyze(fixture).health.state).toBe('unscored');
      expect((one(element, '[data-id="health-band"]') as unknown as { label: string }).label).toBe('Not scored yet');
    });

    it('waits for an analysis', async () => {
      const element = mount(null);
      expect(textOf(one(element, '[data-empty="analysis"]'))).toBe(
        "No plan yet: it appears once the map's people are loaded and analysed."
      );
      expect(root(element).querySelector('[data-section]')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('updates when a new analysis arrives', async () => {
      const element = mount(null);
      const fixture = loadFixture('all-clear');
      element.people = fixture.people;
      element.analysis = analyze(fixture);
      await Promise.resolve();
      expect(textOf(one(element, '[data-id="health-score"]'))).toBe('100');
      await expect(element).toBeAccessible();
    });
  });

  it('renders names as text, never as markup', () => {
    const fixture = withPerson(loadFixture('acme-renewal'), 'pat', { name: '<img src=x onerror="alert(1)">Pat' });
    const element = mount(fixture);
    const pat = one(element, '[data-section="resistance"] button[data-id="pat"]');
    expect(textOf(pat)).toBe('<img src=x onerror="alert(1)">Pat');
    expect(root(element).querySelector('img')).toBeNull();
  });
});

describe('c-relationship-map-plan: decision makers first', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('opens with the decision makers not supporting us and what to do about each', () => {
    const fixture = loadFixture('acme-renewal');
    const element = mount(fixture);
    const sections = all(element, 'section[data-section]').map((x) => x.dataset.section);
    expect(sections[0]).toBe('unsupported');
    expect(listed(element, 'unsupported')).toEqual(['riley', 'morgan']);
    // Riley: Skeptic decision maker, none of ours has a relationship with them and the only way in
    // passes an opponent. The step is the analytics' (analysis.decisionMakers), as the strip shows it.
    expect(textOf(one(element, '[data-section="unsupported"] [data-person="riley"] .todo'))).toBe(
      'What to do: Find a way in to Riley that avoids the opponents on the way.'
    );
    const analysis = analyze(fixture);
    expect(all(element, '[data-section="unsupported"] .todo').map(textOf)).toEqual(
      analysis.decisionMakers.filter((d) => !d.supportsUs).map((d) => `What to do: ${d.nextStep}`)
    );
    // Morgan: Neutral, not covered, reachable through Lee: get introduced first.
    expect(textOf(one(element, '[data-section="unsupported"] [data-person="morgan"] .todo'))).toContain(
      'Ask Lee to introduce Dana to Morgan'
    );
  });

  it('says so when every decision maker supports us', () => {
    let fixture = loadFixture('acme-renewal');
    for (const id of ['riley', 'morgan']) fixture = withPerson(fixture, id, { stance: 'Supporter' });
    const element = mount(fixture);
    expect(textOf(one(element, '[data-empty="unsupported"]'))).toBe(
      'Every decision maker supports us: keep them close.'
    );
  });

  it('on the sample map, lists the three not supporting us and counts Marcus Whitfield (Skeptic, goal impact Neutral) as resistance', () => {
    const sample = sampleMap();
    const element = mount(
      { ...sample, now: SAMPLE_AS_OF.toISOString() } as unknown as Fixture,
      analyzeMap(sample, { now: SAMPLE_AS_OF })
    );
    const byId = new Map(sample.people.map((p) => [p.id, p.name]));
    const names = (section: string) => listed(element, section).map((id) => byId.get(id));
    expect(names('unsupported')).toEqual(['Dieter Vogel', 'Marcus Whitfield', 'Olivia Grant']);
    expect(names('resistance')).toContain('Marcus Whitfield');
    expect(names('resistance')).toContain('Dieter Vogel');
    expect(names('resistance')).not.toContain('Olivia Grant');
    // The Plan lists the analytics' expected resistance as it is: the Is_Expected_Resistance__c rule
    // (scripts/preview/reports/__tests__/reports.test.ts checks the report and list view name them too).
    expect(listed(element, 'resistance')).toEqual(
      analyzeMap(sample, { now: SAMPLE_AS_OF }).goals.expectedResistance.map((e) => e.personId)
    );
  });
});
