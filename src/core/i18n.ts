/** The languages Custodia speaks: every refusal, explanation and page exists in each. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** True when `value` is a language Custodia speaks. */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'es';
}

/**
 * The reader's language from an HTTP `Accept-Language` header (RFC 9110 §12.5.4): the supported language
 * with the highest weight, English when none is supported or the header is absent.
 * `pickLang('es-SV,es;q=0.9,en;q=0.5')` is `es`.
 */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'en';
  let best: Lang = 'en';
  let bestWeight = 0;
  for (const part of header.split(',')) {
    const [range = '', ...attrs] = part.trim().split(';');
    const tag = range.trim().toLowerCase().split('-')[0];
    const q = attrs.map((a) => /^\s*q=([0-9.]+)\s*$/i.exec(a)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (!Number.isFinite(weight) || weight <= 0) continue;
    if (isLang(tag) && weight > bestWeight) {
      best = tag;
      bestWeight = weight;
    }
  }
  return best;
}
