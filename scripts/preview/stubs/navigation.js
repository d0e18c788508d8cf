/**
 * `lightning/navigation` for the local preview. There are no record pages without an org, so
 * `Navigate` hands the page reference to the preview page (event `preview__navigate`), which
 * says where Lightning would have gone. `GenerateUrl` answers the URL Lightning would use.
 */
export const NAVIGATE_EVENT_NAME = 'preview__navigate';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** `/lightning/r/<Object>/<Id>/view` and friends, as Lightning Experience writes them. */
export function urlOf(pageReference) {
  const attributes = (pageReference && pageReference.attributes) || {};
  switch (pageReference && pageReference.type) {
    case 'standard__recordPage':
      return `/lightning/r/${attributes.objectApiName || 'sObject'}/${attributes.recordId}/${attributes.actionName || 'view'}`;
    case 'standard__recordRelationshipPage':
      return `/lightning/r/${attributes.objectApiName || 'sObject'}/${attributes.recordId}/related/${attributes.relationshipApiName}/${attributes.actionName || 'view'}`;
    case 'standard__objectPage':
      return `/lightning/o/${attributes.objectApiName}/${attributes.actionName || 'home'}`;
    case 'standard__webPage':
      return String(attributes.url || '');
    default:
      return '';
  }
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference, replace) {
      this.dispatchEvent(
        new CustomEvent(NAVIGATE_EVENT_NAME, {
          bubbles: true,
          composed: true,
          detail: { pageReference, replace: replace === true, url: urlOf(pageReference) },
        })
      );
    }

    [GenerateUrl](pageReference) {
      return Promise.resolve(urlOf(pageReference));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Wire adapter: the page is always the account record page shown by the preview. */
export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  connect() {
    const params = new URLSearchParams(window.location.search);
    this.dataCallback({
      type: 'standard__recordPage',
      attributes: { recordId: params.get('account'), objectApiName: 'Account', actionName: 'view' },
      state: {},
    });
  }

  update() {}

  disconnect() {}
}
