/**
 * Synthetic relationship maps of any size, deterministic for a seed: a reporting hierarchy of
 * customer people (a few percent partners and our own people), ~3 links per person of every
 * type, a realistic mix of roles and stances, some vacant seats and trimmed people.
 *
 *   node --import tsx scripts/data/generate.ts --people 500 --out /tmp/map500
 *
 * writes a map of 500 people in the `sf data tree import` format (plan + files of at most 200
 * records, the platform's limit per file), importable with `sf data import tree --plan`.
 * The preview (`npm start -- --people 1000`), the browser tests and the benchmarks use
 * `generateMap` directly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { InfluenceLink, MapPerson } from '../preview/backend/types.ts';

export interface GeneratedMap {
  people: MapPerson[];
  links: InfluenceLink[];
}

/** mulberry32: small, fast, good enough for test data, and the same sequence for a seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jo',
  'Kai',
  'Lena',
  'Milo',
  'Nia',
  'Oli',
  'Pia',
  'Quin',
  'Rae',
  'Sam',
  'Tess',
  'Uma',
  'Vik',
  'Wes',
  'Xia',
  'Yan',
  'Zoe',
];
const LAST = [
  'Adler',
  'Brooks',
  'Costa',
  'Dietz',
  'Evans',
  'Fox',
  'Grant',
  'Hale',
  'Ito',
  'Jones',
  'Klein',
  'Lund',
  'Moss',
  'Nagy',
  'Ortiz',
  'Park',
  'Quade',
  'Rossi',
  'Silva',
  'Tran',
  'Ueda',
  'Vogel',
  'Wong',
  'Young',
  'Zeller',
];
const TITLES = [
  'Director',
  'Manager',
  'Lead Engineer',
  'Analyst',
  'VP',
  'Head of Operations',
  'Architect',
  'Buyer',
  'Plant Manager',
  'Controller',
];
const ROLES = [
  'Decision Maker',
  'Economic Buyer',
  'Executive Sponsor',
  'Champion',
  'Influencer',
  'Technical Evaluator',
  'Business User',
  'Procurement',
  'Gatekeeper',
  'Coach',
  'Unknown',
] as const;
const ROLE_WEIGHTS = [3, 1, 2, 3, 15, 12, 40, 5, 3, 2, 14];
const STANCES = ['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Opponent', 'Unknown'] as const;
const STANCE_WEIGHTS = [8, 22, 30, 15, 7, 18];
const SENTIMENTS = ['Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative', 'Unknown'] as const;
const AUTHORITIES = ['High', 'Medium', 'Low', 'None', 'Unknown'] as const;
const COVERAGES = ['In-depth', 'Regular', 'Brief', 'None'] as const;
const EXTRA_TYPES = ['Influences', 'Influences', 'Influences', 'Ally', 'Conflict', 'Relationship'] as const;
const STRENGTHS = ['Strong', 'Medium', 'Weak'] as const;

function weighted<T>(rand: () => number, values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (let i = 0; i < values.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return values[i];
  }
  return values[values.length - 1];
}
const pick = <T>(rand: () => number, values: readonly T[]): T => values[Math.floor(rand() * values.length)];

/** A map of `people` people with about `linksPerPerson` links each (default 3). */
export function generateMap(options: {
  people: number;
  seed?: number;
  linksPerPerson?: number;
  today?: Date;
}): GeneratedMap {
  const { people: count, seed = 1, linksPerPerson = 3 } = options;
  const today = options.today ?? new Date();
  const rand = random(seed);
  const people: MapPerson[] = [];
  const links: InfluenceLink[] = [];
  const keys = new Set<string>();
  const addLink = (
    fromId: string,
    toId: string,
    type: InfluenceLink['type'],
    strength: InfluenceLink['strength']
  ): void => {
    const key =
      type === 'Reports To' || type === 'Influences'
        ? `${fromId}:${toId}:${type}`
        : [fromId, toId].sort().join(':') + `:${type}`;
    if (fromId === toId || keys.has(key)) return;
    keys.add(key);
    links.push({ id: `L${links.length + 1}`, fromId, toId, type, strength, notes: null });
  };
  for (let i = 0; i < count; i++) {
    const id = `P${i + 1}`;
    const side = i > 0 && rand() < 0.04 ? 'Our Company' : i > 0 && rand() < 0.03 ? 'Partner' : 'Customer';
    const role = i === 0 ? 'Decision Maker' : weighted(rand, ROLES, ROLE_WEIGHTS);
    const stance = side === 'Our Company' ? 'Champion' : weighted(rand, STANCES, STANCE_WEIGHTS);
    const days = Math.floor(rand() * 200);
    const vacant = side === 'Customer' && i > 0 && rand() < 0.01;
    people.push({
      id,
      name: vacant ? 'Vacant seat' : `${pick(rand, FIRST)} ${pick(rand, LAST)} ${i + 1}`,
      title: pick(rand, TITLES),
      side,
      role,
      authority: role === 'Decision Maker' || role === 'Economic Buyer' ? 'High' : pick(rand, AUTHORITIES),
      stance,
      sentiment: pick(rand, SENTIMENTS),
      coverage: pick(rand, COVERAGES),
      goalImpact: stance === 'Opponent' ? 'Loses' : 'Unknown',
      isPrimaryContact: i === 1,
      excluded: i > 0 && rand() < 0.02,
      isVacant: vacant,
      isDecisionMaker: role === 'Decision Maker' || role === 'Economic Buyer',
      lastInteraction: rand() < 0.15 ? null : new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10),
    });
    // A reporting tree: everyone reports to someone earlier (branching ~5), customers only.
    if (i > 0 && side === 'Customer') {
      const manager = Math.floor((i - 1) / 5);
      addLink(id, `P${manager + 1}`, 'Reports To', 'Strong');
    }
  }
  const target = Math.round(count * linksPerPerson);
  let guard = 0;
  while (links.length < target && guard++ < target * 10) {
    const a = Math.floor(rand() * count);
    // Mostly near neighbours in the tree (realistic clusters), sometimes anywhere.
    const b =
      rand() < 0.8 ? Math.min(count - 1, Math.max(0, a + Math.floor((rand() - 0.5) * 40))) : Math.floor(rand() * count);
    const from = people[a];
    const to = people[b];
    if (!from || !to) continue;
    const type = from.side === 'Our Company' ? 'Relationship' : pick(rand, EXTRA_TYPES);
    addLink(from.id, to.id, type, pick(rand, STRENGTHS));
  }
  return { people, links };
}

/** Writes a generated map as a tree-import plan (account, contacts, map, people, links). */
export function writeTree(map: GeneratedMap, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const plan: { sobject: string; saveRefs: boolean; resolveRefs: boolean; files: string[] }[] = [];
  const write = (sobject: string, records: object[], saveRefs: boolean, resolveRefs: boolean): void => {
    const names: string[] = [];
    for (let i = 0; i < records.length; i += 200) {
      const name = `${sobject}-${i / 200 + 1}.json`;
      writeFileSync(path.join(outDir, name), JSON.stringify({ records: records.slice(i, i + 200) }, null, 2) + '\n');
      names.push(name);
      files.push(name);
    }
    if (names.length) plan.push({ sobject, saveRefs, resolveRefs, files: names });
  };
  write(
    'Account',
    [
      {
        attributes: { type: 'Account', referenceId: 'SynAccount' },
        Name: `Synthetic Corp (${map.people.length} people)`,
      },
    ],
    true,
    false
  );
  const customers = map.people.filter((p) => p.side !== 'Our Company' && !p.isVacant);
  write(
    'Contact',
    customers.map((p) => {
      const [first, ...rest] = p.name.split(' ');
      return {
        attributes: { type: 'Contact', referenceId: `C${p.id}` },
        FirstName: first,
        LastName: rest.join(' '),
        Title: p.title,
        AccountId: '@SynAccount',
      };
    }),
    true,
    true
  );
  write(
    'Relationship_Map__c',
    [
      {
        attributes: { type: 'Relationship_Map__c', referenceId: 'SynMap' },
        Name: 'Synthetic map',
        Account__c: '@SynAccount',
        Goal__c: 'Exercise the map at size.',
        Status__c: 'Active',
      },
    ],
    true,
    true
  );
  // Our people need Users, which a tree import cannot create: the synthetic tree leaves them out.
  const placed = new Set(map.people.filter((p) => p.side !== 'Our Company').map((p) => p.id));
  write(
    'Map_Contact__c',
    map.people
      .filter((p) => placed.has(p.id))
      .map((p) => ({
        attributes: { type: 'Map_Contact__c', referenceId: `M${p.id}` },
        Relationship_Map__c: '@SynMap',
        ...(p.isVacant ? { Is_Vacant__c: true, Name: p.name } : { Contact__c: `@C${p.id}` }),
        Side__c: p.side,
        Title__c: p.title,
        Role__c: p.role,
        Authority__c: p.authority,
        Stance__c: p.stance,
        Sentiment__c: p.sentiment,
        Coverage__c: p.coverage,
        Goal_Impact__c: p.goalImpact,
        Excluded__c: p.excluded,
        Is_Primary_Contact__c: p.isPrimaryContact,
        ...(p.lastInteraction ? { Last_Interaction__c: p.lastInteraction } : {}),
      })),
    true,
    true
  );
  write(
    'Influence_Link__c',
    map.links
      .filter((l) => placed.has(l.fromId ?? '') && placed.has(l.toId ?? ''))
      .map((l) => ({
        attributes: { type: 'Influence_Link__c', referenceId: `${l.id}` },
        Relationship_Map__c: '@SynMap',
        From__c: `@M${l.fromId}`,
        To__c: `@M${l.toId}`,
        Type__c: l.type,
        Strength__c: l.strength,
      })),
    false,
    true
  );
  writeFileSync(path.join(outDir, 'plan.json'), JSON.stringify(plan, null, 2) + '\n');
  return ['plan.json', ...files];
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const people = Number(values.people);
  if (values.help || !values.out || !Number.isInteger(people) || people < 1 || people > 20000) {
    console.log(
      'Usage: npm run sample-data -- --people <1..20000> --out <dir> [--seed N]\n' +
        'Writes a synthetic map in the `sf data tree import` format: sf data import tree --plan <dir>/plan.json'
    );
    return values.help ? 0 : 2;
  }
  const files = writeTree(generateMap({ people, seed: Number(values.seed ?? 1) }), values.out);
  console.log(`Wrote ${files.length} files to ${values.out} (plan: ${path.join(values.out, 'plan.json')})`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
