/**
 * The sample's activity history (issue 17, data/our-activities.json) tells the story the map's
 * evidence features need, as the preview answers getEvidence and the analytics read it: a Strong
 * tie with no Relationship link (a link suggestion), a decision maker reached only through
 * evidence, a contact off the map and a colleague on no map who meet the account often (person
 * suggestions), and old activity that has faded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalController } from '../../preview/backend/controller.ts';
import { buildStore, contactName } from '../../preview/backend/store.ts';
import { analyzeMap } from '../../../force-app/main/default/lwc/relationshipGraph/relationshipGraph.ts';
import type { MapEvidence } from '../../shared/controllerTypes.ts';

const TODAY = new Date('2026-11-01T12:00:00Z');
const store = buildStore(undefined, TODAY);
const controller = new LocalController(store, 'user', () => TODAY);
const mapOf = (prefix: string) => {
  const account = store.accounts.find((a) => a.name.startsWith(prefix));
  const map = store.maps.find((m) => m.accountId === account?.id);
  assert.ok(map, `${prefix} has a map`);
  return map;
};
const northwind = mapOf('Northwind');
const evidence = controller.getEvidence({ mapId: northwind.id, windowMonths: 12 });
const input = {
  people: store.people.filter((p) => p.mapId === northwind.id),
  links: store.links.filter((l) => l.mapId === northwind.id),
};
const withEvidence = analyzeMap({ ...input, evidence }, { now: TODAY });
const without = analyzeMap(input, { now: TODAY });
const person = (name: string) => {
  const found = input.people.find((p) => p.name === name);
  assert.ok(found, `${name} is on the Northwind map`);
  return found;
};

test('a Strong tie between two people on the map with no Relationship link between them is suggested as a link', () => {
  const [ours, theirs] = [person('Priya Shah'), person('Rachel Adams')];
  const between = input.links.filter(
    (l) => (l.fromId === ours.id && l.toId === theirs.id) || (l.fromId === theirs.id && l.toId === ours.id)
  );
  assert.deepEqual(between, [], 'no typed link between them');
  const suggestion = withEvidence.evidence.linkSuggestions.find(
    (s) => s.ourPersonId === ours.id && s.theirPersonId === theirs.id
  );
  assert.equal(suggestion?.tie.strength, 'Strong');
  assert.match(
    suggestion?.sentence ?? '',
    /^Priya Shah has met Rachel Adams \d+ times in 6 months — add a Relationship link\?$/
  );
});

test('a decision maker no typed link reaches directly is reached through evidence', () => {
  const dieter = person('Dieter Vogel');
  assert.ok(dieter.isDecisionMaker);
  const best = (analysis: typeof without) => analysis.warmPaths.find((w) => w.decisionMakerId === dieter.id)?.paths[0];
  assert.ok((best(without)?.steps.length ?? 0) !== 1, 'typed links alone give no direct path');
  const direct = best(withEvidence);
  assert.equal(direct?.steps.length, 1, 'one step from our side');
  assert.equal(direct?.steps[0].evidence, true);
  assert.match(direct?.steps[0].sentence ?? '', /^Jordan Blake .*has met Dieter Vogel \(\d+ meetings/);
});

test('a contact off the map and a colleague on no map who meet the account often are offered as people to add', () => {
  const anja = store.contacts.find((c) => contactName(c) === 'Anja Richter');
  assert.ok(anja && anja.accountId === northwind.accountId, 'a Northwind contact');
  assert.ok(!input.people.some((p) => p.contactId === anja.id), 'not on the map');
  const nadia = store.users.find((u) => u.name === 'Nadia Farouk');
  assert.equal(nadia?.department, 'Engineering');
  assert.ok(!store.people.some((p) => p.userId === nadia?.id), 'on no map');
  const offered = withEvidence.evidence.personSuggestions;
  assert.match(
    offered.find((s) => s.recordId === anja.id)?.sentence ?? '',
    /^Our people met Anja Richter \(Head of Plant IT, Industrial Automation\) \d+ times in \d+ months — add them to the map\?$/
  );
  assert.match(
    offered.find((s) => s.recordId === nadia?.id)?.sentence ?? '',
    /^Nadia Farouk from Engineering has met Priya Raman \(Chief Information Officer\) \d+ times — add them to the map\?$/
  );
});

test('older activity has faded: a kickoff a year ago counts for little, and a longer window reaches it', () => {
  const tie = (ev: MapEvidence, user: string, contact: string) =>
    analyzeMap({ ...input, evidence: ev }, { now: TODAY }).evidence.ties.find(
      (t) => t.userId === store.users.find((u) => u.name === user)?.id && t.contactId === person(contact).contactId
    );
  assert.equal(tie(evidence, 'Karen Doyle', 'Marcus Whitfield')?.strength, 'Weak', 'met often, but months ago');
  const longer = controller.getEvidence({ mapId: northwind.id, windowMonths: 18 });
  assert.ok(longer.buckets.length > evidence.buckets.length, 'activity older than 12 months');
  const kickoff = tie(longer, 'Jordan Blake', 'Helena Brandt');
  assert.ok(kickoff && (kickoff.strength === null || kickoff.strength === 'Weak'), JSON.stringify(kickoff));
});

test('the other accounts have a modest history', () => {
  const bluefin = controller.getEvidence({ mapId: mapOf('Bluefin').id, windowMonths: 12 });
  assert.ok(bluefin.buckets.length > 0 && bluefin.buckets.length < evidence.buckets.length / 4);
});
