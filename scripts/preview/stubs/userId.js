/**
 * `@salesforce/user/Id` for the local preview: in an org it is the signed-in user's Id. The preview
 * has one person at the browser, so one fixed Id (components use it to keep per-user choices, such
 * as the person panel's folded sections, apart in localStorage).
 */
export default '005000000000PRVAAA';
