import { describe, expect, it } from 'vitest';
import { DomainError, invalidInput, notFound } from '../errors.js';
import { pickLang } from '../i18n.js';
import { defineMessages, mergeMessages, msg } from './define.js';
import { catalogue, translate } from './index.js';

/** Sample values for any parameter, so every text can be rendered without knowing its parameters. */
const sample = new Proxy({}, { get: (_t, key) => (key === 'count' ? 2 : `«${String(key)}»`) });

describe('the message catalogue', () => {
  it('has an English and a Spanish text for every key, and they differ', () => {
    const same: string[] = [];
    for (const [key, message] of Object.entries(catalogue)) {
      const en = (message.en as (p: unknown) => string)(sample);
      const es = (message.es as (p: unknown) => string)(sample);
      expect(en.trim(), key).not.toBe('');
      expect(es.trim(), key).not.toBe('');
      // Texts that are only a parameter (an untranslated or relayed text) are the same in both languages.
      if (en === es && !/^«[a-zA-Z]+»$/.test(en)) same.push(key);
    }
    expect(same).toEqual([]);
  });

  it('refuses a key declared twice', () => {
    const a = defineMessages({
      'x.one': msg(
        () => 'One',
        () => 'Uno',
      ),
    });
    const b = defineMessages({
      'x.one': msg(
        () => 'Another',
        () => 'Otro',
      ),
    });
    expect(() => mergeMessages(a, b)).toThrow(/x\.one is declared twice/);
  });

  it('renders a DomainError in either language, keeping its key and parameters', () => {
    const error = notFound('transfer', 't-1');
    expect(error.message).toBe('Transfer t-1 does not exist. Check the id, or list them to find it.');
    expect(error.localized('es')).toBe(
      'El traslado t-1 no existe. Compruebe el identificador o consulte la lista para encontrarlo.',
    );
    expect(error.messageKey).toBe('common.not_found');
    expect(error.params).toEqual({ subject: 'transfer', id: 't-1' });
    expect(translate('es', 'request.invalid_fields', { count: 3 })).toMatch(/3 campo/);
    const invalid = invalidInput('input.lang', { value: 'fr' }, [{ field: 'lang', message: 'en or es' }]);
    expect(invalid.code).toBe('invalid_input');
    expect(invalid.issues).toHaveLength(1);
    expect(new DomainError('conflict', 'input.lang', { value: 'fr' }).status).toBe(409);
  });
});

describe('pickLang', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['es', 'es'],
    ['es-SV,es;q=0.9,en;q=0.5', 'es'],
    ['en-US,es;q=0.5', 'en'],
    ['fr-FR,es;q=0.4', 'es'],
    ['fr, de', 'en'],
    ['es;q=0, en;q=0.1', 'en'],
    ['en;q=0.2, es;q=0.8', 'es'],
  ])('%s → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});
