/**
 * The preview's Reports page: GET /reports serves the page (static markup, no data), which loads
 * /reports.js (scripts/preview/client/reports.js), /reports.css and the shared page chrome's
 * /chrome.css (scripts/preview/lwc/preview/chrome); that script asks
 * GET /preview/reports for the packaged reports and list views run over the preview's store
 * (reports.ts) and builds the tables with DOM calls.
 */
import path from 'node:path';
import type { StoreData } from '../backend/store.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import { previewDocument } from '../document.ts';
import { OrgRecords } from './records.ts';
import { runAll, type RunFailure, type RunResult } from './reports.ts';

const PREVIEW_DIR = path.join(REPO_ROOT, 'scripts', 'preview');
export const REPORTS_CLIENT_SCRIPT = path.join(PREVIEW_DIR, 'client', 'reports.js');
export const REPORTS_CLIENT_STYLE = path.join(PREVIEW_DIR, 'client', 'reports.css');
/** The page chrome's style sheet, shared with the map page's shell (preview/app imports it). */
export const PREVIEW_CHROME_STYLE = path.join(PREVIEW_DIR, 'lwc', 'preview', 'chrome', 'chrome.css');

/** The Reports page's static files, by the path the server gives them. */
export const REPORTS_CLIENT_FILES: Readonly<Record<string, string>> = {
  '/reports.js': REPORTS_CLIENT_SCRIPT,
  '/reports.css': REPORTS_CLIENT_STYLE,
  '/chrome.css': PREVIEW_CHROME_STYLE,
};

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
  return previewDocument({
    title: 'Reports — Relationship Maps local preview',
    styles: ['/chrome.css', '/reports.css'],
    script: '/reports.js',
    body: [
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
    ],
  });
}
