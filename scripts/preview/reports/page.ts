/**
 * The preview's Reports page: GET /reports serves the page (static markup, no data), which loads
 * /reports.js (scripts/preview/client/reports.js) and /reports.css; that script asks
 * GET /preview/reports for the packaged reports and list views run over the preview's store
 * (reports.ts) and builds the tables with DOM calls.
 */
import path from 'node:path';
import type { StoreData } from '../backend/store.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import { OrgRecords } from './records.ts';
import { runAll, type RunFailure, type RunResult } from './reports.ts';

export const REPORTS_CLIENT_SCRIPT = path.join(REPO_ROOT, 'scripts', 'preview', 'client', 'reports.js');
export const REPORTS_CLIENT_STYLE = path.join(REPO_ROOT, 'scripts', 'preview', 'client', 'reports.css');

export interface ReportsPageData {
  /** When the rows were computed (TODAY() in the formulas is this day, GMT). */
  ranAt: string;
  source: string;
  results: (RunResult | RunFailure)[];
}

/** Every report and list view of force-app run over the store. */
export function reportsPageData(store: Readonly<StoreData>, now: Date): ReportsPageData {
  const records = new OrgRecords(store, now);
  return { ranAt: now.toISOString(), source: store.source, results: runAll(records) };
}

/** The page's markup: the preview's header and an empty main the script fills. */
export function reportsHtml(): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Reports — Relationship Maps local preview</title>',
    '<link rel="icon" href="data:,">',
    '<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">',
    '<link rel="stylesheet" href="/reports.css">',
    '<script type="module" src="/reports.js"></script>',
    '</head>',
    '<body>',
    '<div class="preview-page">',
    '<header class="slds-global-header_container preview-global-header">',
    '<div class="slds-global-header slds-grid slds-grid_align-spread">',
    '<div class="slds-global-header__item"><div class="slds-global-header__logo" role="img" aria-label="Salesforce"></div></div>',
    '<div class="slds-global-header__item preview-environment"><span class="slds-badge slds-badge_lightest">Local preview</span></div>',
    '<div class="slds-global-header__item"></div>',
    '</div>',
    '</header>',
    '<nav class="slds-context-bar preview-context-bar" aria-label="Relationship Maps">',
    '<div class="slds-context-bar__primary"><div class="slds-context-bar__item slds-no-hover">',
    '<span class="slds-context-bar__label-action slds-context-bar__app-name"><span class="slds-truncate">Relationship Maps</span></span>',
    '</div></div>',
    '<div class="slds-context-bar__secondary"><ul class="slds-grid">',
    '<li class="slds-context-bar__item"><a class="slds-context-bar__label-action" href="/" data-id="accounts-link">Accounts</a></li>',
    '<li class="slds-context-bar__item slds-is-active"><a class="slds-context-bar__label-action" href="/reports" aria-current="page" data-id="reports-link">Reports</a></li>',
    '</ul></div>',
    '</nav>',
    '<main class="preview-content" id="reports-root" data-id="reports" aria-labelledby="reports-title">',
    '<div class="slds-page-header slds-m-bottom_small">',
    '<h1 class="slds-page-header__title" id="reports-title">Reports and list views</h1>',
    '<p class="slds-m-top_x-small">The packaged reports and list views, run by the preview over its data: their filters, columns and groupings are read from the metadata files in force-app, as an org would run them.</p>',
    '</div>',
    '<p data-id="reports-loading">Running the reports…</p>',
    '</main>',
    '</div>',
    '<noscript>The Reports page needs JavaScript.</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
