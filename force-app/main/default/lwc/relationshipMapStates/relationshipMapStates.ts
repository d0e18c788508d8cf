/**
 * What the map tab shows instead of a map: no account to show maps for, loading (maps or one
 * map), the maps or the map could not be loaded (with Try again), and no map yet (with "Create
 * your first map"). The container says which (`state`); the buttons go up as events:
 * - `retry`: Try again after a failed load
 * - `create`: Create your first map
 */
import { LightningElement, api } from 'lwc';

export type MapState = 'no-context' | 'loading' | 'graph-loading' | 'maps-error' | 'graph-error' | 'empty' | '';

export default class RelationshipMapStates extends LightningElement {
  @api state: MapState = '';
  /** The sentence of a failed load. */
  @api error = '';
  /** The user may not create maps: "Create your first map" is disabled. */
  @api cannotCreate = false;

  get isNoContext(): boolean {
    return this.state === 'no-context';
  }

  get isLoading(): boolean {
    return this.state === 'loading' || this.state === 'graph-loading';
  }

  /** Loading the account's maps shows a picker and summary stencil; loading one map only the map's. */
  get isLoadingMaps(): boolean {
    return this.state === 'loading';
  }

  get loadingId(): string {
    return this.state === 'loading' ? 'loading' : 'graph-loading';
  }

  get loadingText(): string {
    return this.state === 'loading' ? 'Loading relationship maps' : 'Loading the map';
  }

  get isError(): boolean {
    return this.state === 'maps-error' || this.state === 'graph-error';
  }

  get errorId(): string {
    return this.state;
  }

  get errorTitle(): string {
    return this.state === 'maps-error' ? 'The relationship maps could not be loaded' : 'The map could not be loaded';
  }

  get retryId(): string {
    return this.state === 'maps-error' ? 'retry-maps' : 'retry-graph';
  }

  get isEmpty(): boolean {
    return this.state === 'empty';
  }

  handleRetry(): void {
    this.dispatchEvent(new CustomEvent('retry'));
  }

  handleCreate(): void {
    this.dispatchEvent(new CustomEvent('create'));
  }
}
