import type { PersonDetail } from '../api.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { Empty, OffenseCell, SimpleTable } from './person-parts.tsx';

type Conviction = PersonDetail['convictions'][number];
type Sentence = NonNullable<Conviction['sentence']>;

/** The person's convictions, each with its sentence, then the charges still pending (not convictions). */
export function PersonConvictions({ person }: { person: PersonDetail }) {
  const { t, label, fmt } = useI18n();
  return (
    <>
      <Section title={t('convictions.title')}>
        {person.convictions.length === 0 ? (
          <Empty>{t('convictions.none')}</Empty>
        ) : (
          <Convictions convictions={person.convictions} />
        )}
      </Section>

      <Section title={t('pending.title')}>
        <p className="custodia-note-text">{t('pending.note')}</p>
        {person.pendingCharges.length === 0 ? (
          <Empty>{t('pending.none')}</Empty>
        ) : (
          <SimpleTable
            caption={t('pending.caption')}
            head={[
              t('convictions.offense'),
              t('convictions.courtCase'),
              t('convictions.category'),
              t('pending.filed'),
            ]}
            rows={person.pendingCharges.map((charge) => ({
              key: `${charge.caseNumber}:${charge.offense}`,
              cells: [
                <OffenseCell key="o" offense={charge.offense} statute={charge.statute} />,
                `${charge.court} · ${charge.caseNumber}`,
                charge.category ? label('category', charge.category) : '—',
                charge.filed ? fmt.date(charge.filed) : '—',
              ],
            }))}
          />
        )}
      </Section>
    </>
  );
}

function Convictions({ convictions }: { convictions: Conviction[] }) {
  const { t, label, fmt } = useI18n();
  const byId = new Map(convictions.map((c) => [c.id, c]));
  const sentenceText = (sentence: Sentence) =>
    'life' in sentence
      ? t('sentence.life')
      : t('sentence.days', {
          days: fmt.number(sentence.days),
          years: fmt.decimal(Math.round(sentence.days / 36.525) / 10),
        });
  return (
    <ol className="custodia-records">
      {convictions.map((conviction) => {
        const sentence = conviction.sentence;
        const consecutive = sentence?.consecutiveTo ? byId.get(sentence.consecutiveTo) : undefined;
        return (
          <li key={conviction.id} className="custodia-record">
            <h3 className="custodia-record__title">
              <OffenseCell offense={conviction.offense} statute={conviction.statute} />
            </h3>
            <dl className="custodia-facts">
              <div>
                <dt>{t('convictions.courtCase')}</dt>
                <dd>
                  {conviction.court} · {conviction.caseNumber}
                </dd>
              </div>
              <div>
                <dt>{t('convictions.category')}</dt>
                <dd>{label('category', conviction.category)}</dd>
              </div>
              <div>
                <dt>{t('convictions.judgmentDate')}</dt>
                <dd>{fmt.date(conviction.judgmentDate)}</dd>
              </div>
              <div>
                <dt>{t('convictions.final')}</dt>
                <dd>{conviction.final ? t('convictions.finalYes') : t('convictions.finalNo')}</dd>
              </div>
              <div>
                <dt>{t('convictions.sentence')}</dt>
                <dd>{sentence ? sentenceText(sentence) : t('sentence.none')}</dd>
              </div>
              {sentence && (
                <>
                  <div>
                    <dt>{t('convictions.start')}</dt>
                    <dd>{fmt.date(sentence.start)}</dd>
                  </div>
                  <div>
                    <dt>{t('convictions.credits')}</dt>
                    <dd>{fmt.number(sentence.creditDays)}</dd>
                  </div>
                  <div>
                    <dt>{t('convictions.consecutiveTo')}</dt>
                    <dd>
                      {sentence.consecutiveTo
                        ? consecutive
                          ? `${consecutive.offense} (${consecutive.caseNumber})`
                          : sentence.consecutiveTo
                        : '—'}
                    </dd>
                  </div>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
