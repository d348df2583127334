/**
 * A CRM API call failed in a way the user should be told about: the CRM is unreachable, answered
 * with an HTTP error, or answered with data that is not in its format. `message` is plain language
 * ("Acme CRM is not reachable at http://127.0.0.1:5174 — is it running?").
 */
export class CrmApiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CrmApiError';
  }
}
