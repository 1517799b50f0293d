import { DomainError } from '../core/errors.js';
import { translate } from '../core/messages/index.js';

/** The refusal a promise ends in: its code and message key, and its English and Spanish text. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      code: error.code,
      key: error.messageKey,
      en: translate('en', error.messageKey, error.params),
      es: translate('es', error.messageKey, error.params),
    };
  }
  throw new Error('expected a refusal');
}
