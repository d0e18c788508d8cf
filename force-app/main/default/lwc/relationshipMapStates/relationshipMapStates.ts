/**
 * What the tab shows instead of a map, or instead of the drawing: no account to show maps for,
 * loading (maps or one map), the maps or the map could not be loaded (with Try again), no map yet
 * (with "Create your first map"), a map with nobody on it (with "Add people" and "Add all the
 * account's contacts"), and the notice over the map after a save failed (`heading`, `error`, Try
 * again when `canRetry`, Dismiss). The container says which (`state`); each state but loading is
 * one block described here (heading, sentence, buttons) and drawn by one template. The buttons go
 * up as events:
 * - `retry`: Try again after a failed load or save
 * - `dismiss`: Dismiss the notice
 * - `create`: Create your first map
 * - `addpeople`: Add people (to an empty map)
 * - `addall`: Add all the account's contacts (to an empty map)
 */
import { LightningElement, api } from 'lwc';
import type { ButtonActionEvent, ButtonSpec } from 'c/relationshipMapButtons';

export type MapState =
  'no-context' | 'loading' | 'graph-loading' | 'maps-error' | 'graph-error' | 'empty' | 'no-people' | 'notice' | '';

/** One state as the rep sees it: a heading, a sentence, the next steps. */
interface StateBlock {
  dataId: string;
  className: string;
  role?: string;
  heading: string;
  headingClass: string;
  text: string;
  textClass: string;
  buttons: ButtonSpec[];
}

const CALM = 'rm-state';
const ALERT = 'slds-notify slds-notify_alert slds-alert_error rm-error';
const SMALL = 'slds-text-heading_small';

/** Which event each button sends up. */
const EVENTS: Record<string, string> = {
  'retry-maps': 'retry',
  'retry-graph': 'retry',
  'create-first': 'create',
  'add-people-cta': 'addpeople',
  'add-all': 'addall',
  'notice-retry': 'retry',
  'notice-dismiss': 'dismiss',
};

export default class RelationshipMapStates extends LightningElement {
  @api state: MapState = '';
  /** The sentence of a failed load or of the notice. */
  @api error = '';
  /** The notice's heading (what failed). */
  @api heading = '';
  /** The notice offers Try again. */
  @api canRetry = false;
  /** The user may not create maps: "Create your first map" is disabled. */
  @api cannotCreate = false;
  /** The map is read-only: "Add people" is disabled. */
  @api cannotAddPeople = false;
  /** The user may not edit the map: "Add all the account's contacts" is disabled. */
  @api cannotAddAll = false;

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

  /** The block of every state but loading; null for loading and for no state. */
  get block(): StateBlock | null {
    switch (this.state) {
      case 'no-context':
        return {
          dataId: 'no-context',
          className: CALM,
          heading: 'No account to show maps for',
          headingClass: SMALL,
          text: 'Relationship maps belong to an account. Place this component on an Account or a Relationship Map record page, or, on an app or home page, set its "Map Id" property in Lightning App Builder.',
          textClass: 'slds-m-top_x-small',
          buttons: [],
        };
      case 'maps-error':
      case 'graph-error': {
        const maps = this.state === 'maps-error';
        return {
          dataId: this.state,
          className: ALERT,
          role: 'alert',
          heading: maps ? 'The relationship maps could not be loaded' : 'The map could not be loaded',
          headingClass: SMALL,
          text: this.error,
          textClass: 'slds-m-vertical_x-small',
          buttons: [{ id: maps ? 'retry-maps' : 'retry-graph', label: 'Try again' }],
        };
      }
      case 'empty':
        return {
          dataId: 'empty',
          className: CALM,
          heading: 'No relationship map yet',
          headingClass: 'slds-text-heading_medium',
          text: 'A map shows who decides, who influences whom, who is for and against us, and where we have no relationship yet. Start with the goal you are working on with this account.',
          textClass: 'slds-m-vertical_small',
          buttons: [
            { id: 'create-first', label: 'Create your first map', variant: 'brand', disabled: this.cannotCreate },
          ],
        };
      case 'no-people':
        return {
          dataId: 'no-people',
          className: CALM,
          heading: 'Nobody is on this map yet',
          headingClass: SMALL,
          text: 'Add the people who decide, influence or use what we offer, and our own people who know them.',
          textClass: 'slds-m-vertical_small',
          buttons: [
            { id: 'add-people-cta', label: 'Add people', variant: 'brand', disabled: this.cannotAddPeople },
            { id: 'add-all', label: "Add all the account's contacts", disabled: this.cannotAddAll },
          ],
        };
      case 'notice': {
        const dismiss: ButtonSpec = {
          id: 'notice-dismiss',
          label: 'Dismiss',
          variant: 'base',
          className: 'slds-m-left_x-small',
        };
        return {
          dataId: 'notice',
          className: ALERT,
          role: 'alert',
          heading: this.heading,
          headingClass: SMALL,
          text: this.error,
          textClass: '',
          buttons: this.canRetry ? [{ id: 'notice-retry', label: 'Try again' }, dismiss] : [dismiss],
        };
      }
      default:
        return null;
    }
  }

  handleAction(event: ButtonActionEvent): void {
    const name = EVENTS[event.detail];
    if (name) this.dispatchEvent(new CustomEvent(name));
  }
}
