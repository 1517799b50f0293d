import { useI18n } from '../language.tsx';
import { parseMoney } from './api.ts';
import { MAX_AMOUNT_CENTS, useMoney } from './money-format.ts';

/** An amount as parse-money reads it, but of any size: digits with comma thousands, up to two decimals. */
const AMOUNT_SHAPE = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

/** Why a typed amount was refused: not an amount, more than is owed, or more than any one amount may be. */
export type AmountRefusal = 'invalid' | 'overBalance' | 'overMax';

/**
 * Reads an amount typed against what is owed: above zero with at most two decimals, and at most the
 * balance and the contract's ceiling (`MAX_AMOUNT_CENTS`). When both bounds are broken the tighter one is
 * named, since that is the one the reader can act on.
 */
export function readAmount(
  text: string,
  balanceCents: number,
): { ok: true; cents: number } | { ok: false; reason: AmountRefusal } {
  const bound = Math.min(balanceCents, MAX_AMOUNT_CENTS);
  const over: AmountRefusal = balanceCents <= MAX_AMOUNT_CENTS ? 'overBalance' : 'overMax';
  const cents = parseMoney(text);
  if (cents === null) {
    // parseMoney also refuses an amount too large to hold in cents; that one is over every bound.
    const tooLarge = AMOUNT_SHAPE.test(text.trim()) && /[1-9]/.test(text);
    return { ok: false, reason: tooLarge ? over : 'invalid' };
  }
  if (cents > bound) return { ok: false, reason: over };
  return { ok: true, cents };
}

/**
 * The message for a refused amount in `currency`: the form's own sentence when it is over the balance
 * (a payment and a credit note say it differently), else the shared ones, each naming its bound.
 */
export function useAmountError(currency: string): (reason: AmountRefusal, overBalance: string) => string {
  const { t } = useI18n();
  const money = useMoney();
  return (reason, overBalance) => {
    if (reason === 'invalid') return t('payment.amountInvalid');
    if (reason === 'overBalance') return overBalance;
    return t('payment.amountTooLarge', { max: money.amountIn(MAX_AMOUNT_CENTS, currency) });
  };
}
