import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useI18n } from '../language.tsx';
import { renderIn } from '../test-support/render.tsx';
import { ActionFeedback, useAction } from './action-feedback.tsx';

/** A section with one action and the header's language switch, as a page has them. */
function Section() {
  const { lang, setLang } = useI18n();
  const action = useAction(() => {});
  return (
    <>
      <button type="button" onClick={() => setLang(lang === 'en' ? 'es' : 'en')}>
        switch
      </button>
      <button
        type="button"
        onClick={() =>
          action.run(
            'close',
            async () => 3,
            ({ t }, n) => `${t('manifest.closed')} (${n})`,
          )
        }
      >
        act
      </button>
      <ActionFeedback state={action.state} />
    </>
  );
}

describe('ActionFeedback', () => {
  it('words a success in the language the reader switches to afterwards', async () => {
    const user = userEvent.setup();
    renderIn(<Section />, 'en');
    await user.click(screen.getByRole('button', { name: 'act' }));
    const english = (await screen.findByRole('status')).textContent ?? '';
    expect(english).toContain('(3)');
    await user.click(screen.getByRole('button', { name: 'switch' }));
    const spanish = screen.getByRole('status').textContent ?? '';
    expect(spanish).toContain('Manifiesto cerrado. (3)');
    expect(spanish).not.toBe(english);
    await user.click(screen.getByRole('button', { name: 'switch' }));
    expect(screen.getByRole('status').textContent).toBe(english);
  });
});
