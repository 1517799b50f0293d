import { useMemo } from 'react';
import type { MAX_AMOUNT_CENTS as SERVER_MAX_AMOUNT_CENTS } from '../../../src/billing/contract.ts';
import { useI18n } from '../language.tsx';

/**
 * The most one payment or credit note can be, in cents: the billing contract's bound (docs/decisions/0013),
 * typed by the contract's own constant so that the compiler refuses a value that drifts from it. The
 * contract module itself builds Zod schemas, which the web does not load.
 */
export const MAX_AMOUNT_CENTS: typeof SERVER_MAX_AMOUNT_CENTS = 100_000_000_000;

/** Amounts of money and shares as a reader of one locale reads them. */
export interface MoneyFormat {
  /** Integer cents with the locale's separators, `1,234.56`; `−0.05` when negative. */
  amount: (cents: number) => string;
  /** The same with its currency: `$1,234.56` for USD, `1,234.56 EUR` otherwise, `−$1,234.56` when negative. */
  amountIn: (cents: number, currency: string) => string;
  /** An axis label: the amount with its currency, without the cents when they are zero (`$1,500`). */
  roundIn: (cents: number, currency: string) => string;
  /** A share in basis points as a percentage with two decimals: 17 → `0.17`. */
  basisPoints: (basisPoints: number) => string;
}

/**
 * Money for a locale, written by its digits: the cents are split off as a BigInt remainder, never divided
 * as a float, and only the whole part goes through `Intl` (for its grouping), so no amount is ever
 * rounded. The layout (the `$` before a USD amount, the code after any other) is src/core/money.ts's, the
 * one the server's files and messages use; the separators are the locale's.
 */
export function moneyFormat(locale: string): MoneyFormat {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const hundredths = (value: number, dropZero: boolean) => {
    const digits = BigInt(Math.abs(value));
    const fraction = String(digits % 100n).padStart(2, '0');
    const text = whole.format(digits / 100n);
    return dropZero && fraction === '00' ? text : `${text}${decimal}${fraction}`;
  };
  const signed = (value: number, dropZero: boolean) =>
    `${value < 0 ? '−' : ''}${hundredths(value, dropZero)}`;
  const withCurrency = (cents: number, currency: string, dropZero: boolean) => {
    const code = String(currency).trim();
    if (!Number.isSafeInteger(cents)) return `${cents} ${code}`;
    if (code === 'USD') return `${cents < 0 ? '−' : ''}$${hundredths(cents, dropZero)}`;
    return `${signed(cents, dropZero)} ${code}`;
  };
  return {
    amount: (cents) => (Number.isSafeInteger(cents) ? signed(cents, false) : String(cents)),
    amountIn: (cents, currency) => withCurrency(cents, currency, false),
    roundIn: (cents, currency) => withCurrency(cents, currency, true),
    basisPoints: (basisPoints) =>
      Number.isSafeInteger(basisPoints) ? signed(basisPoints, false) : String(basisPoints),
  };
}

/** The money formats of the reader's language. */
export function useMoney(): MoneyFormat {
  const { fmt } = useI18n();
  return useMemo(() => moneyFormat(fmt.locale), [fmt.locale]);
}
