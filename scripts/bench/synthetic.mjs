// @ts-check
/**
 * Deterministic synthetic relationship maps for the benchmark: `syntheticMap(n, seed)` gives n
 * people and about 3n links shaped like a real account — a reporting tree, influence and ally
 * links mostly inside a department, our own people holding relationships, a few conflicts, and
 * a sprinkle of bad data (self links, links to unknown people, duplicates) for validation.
 */

/**
 * mulberry32: a small, fast, seeded generator (same seed, same map, on every machine).
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @template T
 * @param {() => number} rnd
 * @param {[T, number][]} table value and weight
 * @returns {T}
 */
function pick(rnd, table) {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}

const NOW = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;

/** @param {number} ms */
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * @param {number} n people
 * @param {number} [seed]
 * @returns {{ people: Record<string, unknown>[], links: Record<string, unknown>[], now: string }}
 */
export function syntheticMap(n, seed = 42) {
  const rnd = random(seed + n);
  const id = (/** @type {number} */ i) => `MC${String(i).padStart(6, '0')}`;
  /** @type {Record<string, unknown>[]} */
  const people = [];
  /** @type {number[]} */
  const ours = [];
  for (let i = 0; i < n; i++) {
    const side = pick(rnd, [
      ['Customer', 85],
      ['Our Company', 10],
      ['Partner', 5],
    ]);
    if (side === 'Our Company') ours.push(i);
    const role =
      side === 'Our Company'
        ? pick(rnd, [
            ['Executive Sponsor', 1],
            ['Unknown', 9],
          ])
        : pick(rnd, [
            ['Decision Maker', 5],
            ['Economic Buyer', 2],
            ['Executive Sponsor', 2],
            ['Champion', 3],
            ['Influencer', 20],
            ['Technical Evaluator', 15],
            ['Business User', 25],
            ['Procurement', 5],
            ['Gatekeeper', 5],
            ['Coach', 3],
            ['Unknown', 15],
          ]);
    const touched = rnd() < 0.8 ? NOW - Math.floor(rnd() * 200) * DAY : null;
    people.push({
      id: id(i),
      name: `Person ${i}`,
      title: rnd() < 0.9 ? `Title ${i % 37}` : null,
      side,
      role,
      authority: pick(rnd, [
        ['High', 10],
        ['Medium', 30],
        ['Low', 40],
        ['None', 5],
        ['Unknown', 15],
      ]),
      stance: pick(rnd, [
        ['Champion', 5],
        ['Supporter', 20],
        ['Neutral', 30],
        ['Skeptic', 12],
        ['Opponent', 8],
        ['Unknown', 25],
      ]),
      sentiment: pick(rnd, [
        ['Very Positive', 5],
        ['Positive', 25],
        ['Neutral', 35],
        ['Negative', 10],
        ['Very Negative', 5],
        ['Unknown', 20],
      ]),
      coverage: pick(rnd, [
        ['In-depth', 10],
        ['Regular', 30],
        ['Brief', 30],
        ['None', 30],
      ]),
      goalImpact: pick(rnd, [
        ['Gains', 30],
        ['Neutral', 30],
        ['Loses', 15],
        ['Unknown', 25],
      ]),
      isPrimaryContact: i === 1,
      excluded: rnd() < 0.01,
      isVacant: rnd() < 0.01,
      lastInteraction: touched === null ? null : isoDate(touched),
      stanceChangedAt: rnd() < 0.5 ? new Date(NOW - Math.floor(rnd() * 300) * DAY).toISOString() : null,
      personalGoals: rnd() < 0.5 ? 'Grow the team' : null,
      prioritiesPainPoints: rnd() < 0.5 ? 'Cost' : null,
      relationToGoal: rnd() < 0.4 ? 'Owns the budget' : null,
      contingencyPlan: rnd() < 0.3 ? 'Escalate to sponsor' : null,
    });
  }
  /** @type {Record<string, unknown>[]} */
  const links = [];
  const strength = () =>
    pick(rnd, [
      ['Strong', 25],
      ['Medium', 50],
      ['Weak', 25],
    ]);
  /** A person near i (same department) most of the time, anyone otherwise. */
  const near = (/** @type {number} */ i) => {
    if (rnd() < 0.2) return Math.floor(rnd() * n);
    const j = i + Math.floor((rnd() - 0.5) * 60);
    return Math.min(n - 1, Math.max(0, j));
  };
  let k = 0;
  const add = (/** @type {number} */ from, /** @type {number} */ to, /** @type {string} */ type) => {
    links.push({ id: `IL${String(k++).padStart(7, '0')}`, fromId: id(from), toId: id(to), type, strength: strength() });
  };
  // Reporting tree: everyone but the first reports to someone earlier, nearby.
  for (let i = 1; i < n; i++) add(i, Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 20))), 'Reports To');
  // About two more links per person.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 2; j++) {
      const type = pick(rnd, [
        ['Influences', 40],
        ['Relationship', 25],
        ['Ally', 20],
        ['Conflict', 15],
      ]);
      const from =
        type === 'Relationship' && ours.length > 0 && rnd() < 0.6 ? ours[Math.floor(rnd() * ours.length)] : i;
      add(from, near(i), type);
    }
  }
  // Bad data: a self link, a link to nobody, a duplicate.
  if (n > 2) {
    links.push({ id: 'BAD-SELF', fromId: id(0), toId: id(0), type: 'Influences', strength: 'Strong' });
    links.push({ id: 'BAD-GHOST', fromId: id(0), toId: 'MCnobody', type: 'Ally', strength: 'Weak' });
    links.push({ ...links[0], id: 'BAD-DUP' });
  }
  return { people, links, now: new Date(NOW).toISOString() };
}
