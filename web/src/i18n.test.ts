import { describe, expect, it } from 'vitest';
import { authEn } from './auth/texts.en.ts';
import { billingEn } from './billing/texts.en.ts';
import { commonEn } from './components/texts.en.ts';
import { standardsEn } from './custody/texts.en.ts';
import { dashboardEn } from './dashboard/texts.en.ts';
import { housingEn } from './facilities/texts.en.ts';
import { messages, translate } from './i18n.ts';
import { peopleEn } from './people/texts.en.ts';
import { transfersEn } from './transfers/texts.en.ts';

const FEATURE_TABLES = {
  authEn,
  billingEn,
  commonEn,
  standardsEn,
  dashboardEn,
  housingEn,
  peopleEn,
  transfersEn,
};

describe('the UI words', () => {
  it('declares each key in one feature only, so no table silently replaces another', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [table, words] of Object.entries(FEATURE_TABLES)) {
      for (const key of Object.keys(words)) {
        const first = owner.get(key);
        if (first) twice.push(`${key} (${first}, ${table})`);
        owner.set(key, table);
      }
    }
    expect(twice).toEqual([]);
  });

  it('has a Spanish text for every key, never empty where English is not, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [key, english] of Object.entries(messages.en)) {
      const spanish = messages.es[key as keyof typeof messages.es];
      if (!spanish && english !== '') problems.push(`${key}: no Spanish`);
      const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
      if (spanish !== undefined && names(spanish).join() !== names(english).join())
        problems.push(`${key}: placeholders differ`);
    }
    expect(problems).toEqual([]);
  });

  it('fills placeholders and leaves an unknown one as written', () => {
    expect(translate('en', 'header.signedInAs', { name: 'Ana' })).toBe('Signed in as Ana');
    expect(translate('es', 'header.signedInAs', {})).toContain('{name}');
  });
});
