/**
 * The preview page's entry module. Synthetic shadow must be installed before the engine loads:
 * Lightning Experience renders components in synthetic shadow DOM, which is what lets the page's
 * SLDS style sheet style the inside of every component, as it does in an org.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'preview/app';

// The entry owns the page: mounting the root component is the one document query it needs.
// eslint-disable-next-line @lwc/lwc/no-document-query
const root = document.getElementById('root');
root.replaceChildren(createElement('preview-app', { is: App }));
