/**
 * `@salesforce/i18n/timeZone` for the local preview: in an org it is the user's Salesforce time
 * zone; here it is the browser's.
 */
export default Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
