/**
 * `@salesforce/i18n/locale` for the local preview: in an org it is the user's Salesforce locale;
 * here the person at the browser is the user, so it is the browser's.
 */
export default Intl.DateTimeFormat().resolvedOptions().locale || 'en-US';
