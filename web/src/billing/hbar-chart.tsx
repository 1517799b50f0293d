import { useId } from 'react';
import { useMoney } from './money-format.ts';

/** One bar: its name, its amount in cents and the class that colours it. */
export interface HBar {
  key: string;
  label: string;
  cents: number;
  className: string;
}

const HBARS = { width: 560, label: 22, bar: 20, gap: 14 } as const;

/**
 * Horizontal bars of amounts of money: each bar's name on the left and its amount on the right above it,
 * the bar below across the full width; one image named and described in words.
 */
export function HBarChart({
  title,
  desc,
  bars,
  currency,
}: {
  title: string;
  desc: string;
  bars: HBar[];
  currency: string;
}) {
  const id = useId();
  const money = useMoney();
  const max = Math.max(1, ...bars.map((b) => b.cents));
  const scale = (cents: number) => (Math.max(0, cents) / max) * HBARS.width;
  const row = HBARS.label + HBARS.bar + HBARS.gap;
  return (
    <svg
      className="custodia-finance-svg custodia-finance-svg--bars"
      viewBox={`0 0 ${HBARS.width} ${bars.length * row - HBARS.gap + 2}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = i * row;
        return (
          <g key={b.key} data-bar={b.key} data-cents={b.cents}>
            <text x={0} y={y + 16} className="custodia-finance-svg__label">
              {b.label}
            </text>
            <text x={HBARS.width} y={y + 16} textAnchor="end" className="custodia-finance-svg__value">
              {money.amountIn(b.cents, currency)}
            </text>
            <rect
              x={0}
              y={y + HBARS.label}
              width={HBARS.width}
              height={HBARS.bar}
              className="custodia-finance-bar--track"
            />
            {b.cents > 0 && (
              <rect
                x={0}
                y={y + HBARS.label}
                width={Math.max(2, scale(b.cents))}
                height={HBARS.bar}
                className={b.className}
              />
            )}
          </g>
        );
      })}
    </svg>
  );
}
