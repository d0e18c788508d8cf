/**
 * "Ways in" to a decision maker in the person panel: whether our people can reach them warmly,
 * only through opponents, or not at all, the analytics' summary, and the best few paths with their
 * explanation, strength and length. Data only comes down; no events.
 */
import { LightningElement, api } from 'lwc';
import type { DecisionMakerPaths } from 'c/relationshipGraph';
import { formatStrength } from 'c/relationshipMapFormat';

/** Warm paths shown per decision maker. */
const MAX_PATHS = 3;

export default class RelationshipMapPersonWarmPaths extends LightningElement {
  /** The decision maker's name. */
  @api name = '';
  /** The ways our people can reach them (c/relationshipGraph's findWarmPaths). */
  @api warmPaths: DecisionMakerPaths | null = null;

  get view() {
    const w = this.warmPaths;
    if (!w) return null;
    const status = w.status;
    return {
      isOnlyThroughOpponents: status === 'only-through-opponents',
      isUnreachable: status === 'unreachable',
      summary: w.summary,
      hasPaths: status !== 'unreachable' && w.paths.length > 0,
      paths: (status === 'unreachable' ? [] : w.paths.slice(0, MAX_PATHS)).map((path, i) => ({
        key: `${i}:${path.personIds.join('>')}`,
        explanation: path.explanation,
        detail: `Strength ${formatStrength(path.strength)} · ${path.hops} ${path.hops === 1 ? 'link' : 'links'}${
          path.throughPrimaryContact ? ' · through the primary contact' : ''
        }${path.opponentIds.length > 0 ? ' · passes an opponent' : ''}`,
      })),
    };
  }
}
