/**
 * Goal-effect planning and what-if (a person leaves: their seat becomes vacant).
 */
import { analyzePrepared, planGoalEffects, prepareMap, whatIfRemoved } from 'c/relationshipGraph';
import { NOW, decider, link, ours, person, prepared } from './fixtures';

describe('goal-effect planning', () => {
  it('all opponents: everyone who loses resists, and so does the Opponent decision maker; a missing contingency plan is flagged', () => {
    const plan = planGoalEffects(prepared('all-opponents'));
    // Ordered by influence over the decision: Dee (the only decision maker) first, then Rex 0.6, Quinn 0.5, Pia 0.075.
    // Dee's goal impact is Neutral: a Skeptic or Opponent decision maker resists whatever it is.
    expect(plan.expectedResistance.map((e) => [e.name, e.hasContingencyPlan])).toEqual([
      ['Dee', false],
      ['Rex', false],
      ['Quinn', true],
      ['Pia', false],
    ]);
    expect(plan.expectedResistance[0].note).toBe(
      'Dee is a decision maker and Opponent: no contingency plan — write one.'
    );
    expect(plan.expectedResistance[1].note).toBe(
      'Rex loses if we succeed and is Opponent: no contingency plan — write one.'
    );
    expect(plan.expectedResistance[2].contingencyPlan).toBe('Involve Quinn in the pilot design');
    expect(plan.potentialAllies).toEqual([]);
  });

  it('a Skeptic or Opponent decision maker resists whatever their goal impact; a vacant seat, ours or a Neutral one does not', () => {
    const map = prepareMap(
      {
        people: [
          decider('sk', { name: 'Sid', stance: 'Skeptic', goalImpact: 'Gains' }),
          decider('op', { name: 'Ola', stance: 'Opponent' }), // goal impact blank
          decider('ne', { name: 'Ned', stance: 'Neutral', goalImpact: 'Neutral' }),
          decider('va', { name: 'Val', stance: 'Opponent', isVacant: true }),
          decider('su', { name: 'Sue', stance: 'Supporter', goalImpact: 'Loses' }),
          ours('us', { role: 'Decision Maker', stance: 'Skeptic' }),
        ],
        links: [],
      },
      { now: NOW }
    );
    expect(
      planGoalEffects(map)
        .expectedResistance.map((e) => e.name)
        .sort()
    ).toEqual(['Ola', 'Sid']);
  });

  it('separates resistance, potential allies and supporters who lose', () => {
    const map = prepareMap(
      {
        people: [
          person('skeptic', { name: 'Skye', goalImpact: 'Loses', stance: 'Skeptic', contingencyPlan: '  ' }),
          person('friend', { name: 'Fran', goalImpact: 'Loses', stance: 'Supporter' }),
          person('gainer', { name: 'Gus', goalImpact: 'Gains', stance: 'Neutral' }),
          person('unknown', { name: 'Uma', goalImpact: 'Gains' }), // stance blank = Unknown
          person('fan', { name: 'Fay', goalImpact: 'Gains', stance: 'Champion' }), // already with us
          ours('us', { goalImpact: 'Loses' }), // our own people are not planned for
        ],
        links: [],
      },
      { now: NOW }
    );
    const plan = planGoalEffects(map);
    expect(plan.expectedResistance.map((e) => e.name)).toEqual(['Skye']);
    expect(plan.expectedResistance[0].hasContingencyPlan).toBe(false); // blank text is no plan
    expect(plan.potentialAllies.map((e) => [e.name, e.note])).toEqual([
      ['Gus', 'Gus gains if we succeed but is Neutral: show them what they gain.'],
      ['Uma', 'Uma gains if we succeed but is of unknown stance: show them what they gain.'],
    ]);
    expect(plan.losesOnSuccess.map((e) => [e.name, e.note])).toEqual([
      ['Fran', 'Fran supports us although our success costs them: keep them close.'],
      ['Skye', 'Skye loses if we succeed (Skeptic).'],
    ]);
  });
});

describe('what-if', () => {
  it('chain: if Ben leaves, Dee loses her only warm path and the health drops', () => {
    const map = prepared('chain');
    const result = whatIfRemoved(map, 'ben');
    expect(result.found).toBe(true);
    expect(result.lostPaths).toHaveLength(1);
    expect(result.lostPaths[0]).toMatchObject({
      decisionMakerId: 'dee',
      statusBefore: 'warm',
      statusAfter: 'unreachable',
      after: null,
      message: 'Dee: no warm path remains.',
    });
    // Ben held 0.3 of the decision; Ana (0.15) and Olive (0.0525) lose all theirs through him.
    expect(result.influenceLost).toBe(0.3);
    expect(result.influenceChanges.map((c) => [c.personId, c.after])).toEqual([
      ['ana', 0],
      ['olive', 0],
    ]);
    // Coverage of Dee: (0 + 1 + 0.75) / 3 (a weak way in: 0.0525) → (0 + 1 + 0) / 3, i.e. 58.3 → 33.3.
    expect(result.health.components.find((c) => c.key === 'coverage')).toMatchObject({
      before: 58.3,
      after: 33.3,
    });
    expect(result.health.delta).toBeLessThan(0);
    expect(result.warmReach).toEqual({
      before: expect.closeTo(0.0525, 12),
      after: 0,
      delta: expect.closeTo(-0.0525, 12),
    });
  });

  it('star: if Sol leaves, Hub falls back to the path through Sky', () => {
    const result = whatIfRemoved(prepared('star'), 's3');
    expect(result.lostPaths).toHaveLength(1);
    expect(result.lostPaths[0].statusAfter).toBe('warm');
    expect(result.lostPaths[0].after?.personIds).toEqual(['olive', 's2', 'hub']);
    expect(result.lostPaths[0].message).toBe(
      'Hub: next best path: Olive (our Account Executive) knows Sky; Sky influences Hub, the decision maker (strength 0.11, was 0.10).'
    );
  });

  it('all opponents: if Rex leaves, Dee is still reachable, through Pia and Quinn', () => {
    const result = whatIfRemoved(prepared('all-opponents'), 'rex');
    expect(result.lostPaths[0].statusAfter).toBe('only-through-opponents');
    expect(result.lostPaths[0].message).toMatch(/^Dee: now only reachable through an opponent \(Pia and Quinn\): /);
  });

  it('a decision maker leaving leaves a vacant key seat', () => {
    const result = whatIfRemoved(prepared('disconnected'), 'dora');
    expect(result.wasDecisionMaker).toBe(true);
    expect(result.summary[0]).toBe('Dora is a decision maker: their seat becomes vacant.');
    expect(result.analysisAfter.coverage.keyPeople.map((k) => k.summary)).toContain(
      'Dora (decision maker): the seat is vacant; find out who takes over.'
    );
    // Only Drew decides now: Yan's share goes from 0.6 / 1.6 to 0.6 / 0.6.
    expect(result.influenceChanges.find((c) => c.personId === 'yan')).toMatchObject({ after: 1 });
  });

  it('removing someone off every path changes no path', () => {
    const result = whatIfRemoved(prepared('disconnected'), 'zed');
    expect(result.lostPaths).toEqual([]);
    expect(result.summary[0]).toBe('No decision maker loses their best warm path.');
    expect(result.influenceChanges).toEqual([]);
  });

  it('an unknown or excluded person changes nothing, and says so', () => {
    const map = prepareMap(
      { people: [decider('d'), person('x', { excluded: true })], links: [link('x', 'd')] },
      { now: NOW }
    );
    const baseline = analyzePrepared(map);
    expect(whatIfRemoved(map, 'x', baseline)).toMatchObject({
      found: false,
      summary: ['Nothing changes: x is not on the map.'],
      analysisAfter: baseline,
    });
    expect(whatIfRemoved(map, 'nobody').found).toBe(false);
  });

  it('matches a fresh analysis of the map with the seat vacant', () => {
    const map = prepared('acme-renewal');
    const result = whatIfRemoved(map, 'lee');
    const fixture = map.input;
    const fresh = analyzePrepared(
      prepareMap(
        { people: fixture.people.map((p) => (p.id === 'lee' ? { ...p, isVacant: true } : p)), links: fixture.links },
        map.options
      )
    );
    expect(result.analysisAfter).toEqual(fresh);
  });
});
