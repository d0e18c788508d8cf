/**
 * The browser side of `@salesforce/apex/<Class>.<method>` in the local preview. The build turns
 * each such import into `export default apexMethod('<Class>', '<method>')`; calling it POSTs the
 * parameters to the preview server, which runs the local controller. A failure rejects with the
 * shape Lightning gives an AuraHandledException (`{ status, body: { message } }`), so the
 * component's own error handling (reduceError in c/relationshipMapApi) shows the same sentence as
 * in an org.
 */

/** Only this controller is served locally; anything else fails the way a missing class would. */
const SERVED_CLASS = 'RelationshipMapController';

function apexError(status, message) {
  return { status, statusText: message, ok: false, body: { message } };
}

export function apexMethod(className, methodName) {
  return function callApex(params) {
    if (className !== SERVED_CLASS) {
      return Promise.reject(apexError(404, `Apex class ${className} is not available in the local preview.`));
    }
    return fetch(`/apex/${encodeURIComponent(methodName)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(params ?? {}),
    }).then(
      (response) =>
        response.text().then((text) => {
          let payload = null;
          try {
            payload = text ? JSON.parse(text) : null;
          } catch {
            payload = null;
          }
          if (response.ok) return payload;
          const message =
            payload && typeof payload.message === 'string'
              ? payload.message
              : `The preview server answered ${response.status} ${response.statusText}.`;
          throw apexError(response.status, message);
        }),
      () => {
        throw apexError(0, 'The local preview server is not reachable. Is `npm start` still running?');
      }
    );
  };
}
