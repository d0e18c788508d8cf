// Types for the Lightning platform modules our components import.
// @salesforce/lightning-types covers the base components (lightning/*) and @salesforce/user etc.;
// the modules below are not in it, so we declare the parts we use. Keep these minimal and
// accurate: a wrong declaration here hides a real error from tsc.
/// <reference types="@salesforce/lightning-types" />
// `lwc` itself is typed by the lwc package in node_modules.

/**
 * `import method from '@salesforce/apex/Class.method'`: callable imperatively (a promise) and
 * usable with `@wire` (a wire adapter). Components narrow the result to the DTO types they share
 * with the Apex controller.
 */
declare module '@salesforce/apex/*' {
  import type { WireAdapterConstructor } from 'lwc';
  // `any` for the wired value: each @wire handler declares the shape it expects.
  const apexMethod: WireAdapterConstructor<Record<string, unknown>, any> &
    ((params?: Record<string, unknown>) => Promise<unknown>);
  export default apexMethod;
}

declare module '@salesforce/apex' {
  export function refreshApex(wiredResult: unknown): Promise<void>;
}

declare module '@salesforce/resourceUrl/*' {
  const url: string;
  export default url;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

/** The running user's locale (e.g. "en-US", "de-DE"), as set in their Salesforce settings. */
declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
}

/** The running user's time zone (IANA name, e.g. "Europe/Berlin"), from their Salesforce settings. */
declare module '@salesforce/i18n/timeZone' {
  const timeZone: string;
  export default timeZone;
}

declare module 'lightning/platformResourceLoader' {
  export function loadScript(component: object, url: string): Promise<void>;
  export function loadStyle(component: object, url: string): Promise<void>;
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventDetail {
    title?: string;
    message: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
    messageData?: unknown[];
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail);
  }
}

declare module 'lightning/navigation' {
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  export const CurrentPageReference: unknown;
  type Constructor<T = object> = new (...args: any[]) => T;
  export function NavigationMixin<T extends Constructor>(
    base: T
  ): T &
    Constructor<{
      [NavigationMixin.Navigate](ref: PageReference, replace?: boolean): void;
      [NavigationMixin.GenerateUrl](ref: PageReference): Promise<string>;
    }>;
  export namespace NavigationMixin {
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
  }
}

declare module 'lightning/uiRecordApi' {
  export function getRecord(...args: unknown[]): unknown;
  export function getFieldValue(record: unknown, field: unknown): unknown;
  export function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<unknown>;
  export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}
