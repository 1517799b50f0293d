import { isMessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import type { Parts, PublishedCount } from './api.ts';
import type { Bar } from './bar-chart.tsx';

/** How the public statistics write their values and name their categories, in the reader's language. */
export function useStatisticsLabels() {
  const { t, fmt, lang } = useI18n();
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const months = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  /** A message when there is one for `key`, else the code as given. */
  const known = (key: string, code: string) => (isMessageKey(key) ? t(key) : code);
  const count = (c: PublishedCount | null | undefined): string =>
    c === null || c === undefined ? t('statistics.notShown') : typeof c === 'number' ? fmt.number(c) : c;
  return {
    count,
    nationality: (code: string) => (/^[A-Z]{2}$/.test(code) ? (regions.of(code) ?? code) : code),
    legalStatus: (code: string) => known(`legalStatus.${code}`, code),
    cancellation: (code: string) => known(`reasonCode.${code}`, code),
    release: (code: string) => known(`release.reason.${code}`, code),
    outcome: (code: string) => known(`transferStatus.${code}`, code),
    standard: (code: string) => known(`rule.${code}.title`, code),
    month: (yyyyMm: string) => {
      const d = new Date(`${yyyyMm}-01T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? yyyyMm : months.format(d);
    },
    /** A share given in percent (0–100). */
    percent: (n: number) => percents.format(n / 100),
    /** The bars of a published table, each part named by `name`. */
    bars: (parts: NonNullable<Parts>, name: (code: string) => string): Bar[] =>
      parts.map((p) => ({ key: p.key, label: name(p.key), value: p.count, text: count(p.count) })),
  };
}
