/**
 * A lightning-datatable stub with the public API the real component has and sfdx-lwc-jest's stub
 * lacks: `ariaLabel` is a public property (the real table puts it on its inner grid), so an
 * aria-label set in a template does not land on the host element, as on the platform.
 */
import { LightningElement, api } from 'lwc';

export default class Datatable extends LightningElement {
  @api ariaLabel: string | null = null;
  @api columns: unknown[] = [];
  @api data: unknown[] = [];
  @api defaultSortDirection: string | undefined;
  @api hideCheckboxColumn = false;
  @api keyField: string | undefined;
  @api sortedBy: string | undefined;
  @api sortedDirection: string | undefined;
}
