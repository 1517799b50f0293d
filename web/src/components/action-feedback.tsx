import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { type I18n, useI18n } from '../language.tsx';
import { useErrorText } from './load-status.tsx';

/** The state of the last action a reader took in one part of a page. */
export interface ActionState {
  /** The key of the action under way, to disable its button and label it busy. */
  busy: string | null;
  /** The refusal: the server's problem detail says why. */
  error: ApiError | null;
  /**
   * What happened, once it succeeded: worded at render time, so that it follows the reader into the other
   * language when they switch.
   */
  done: Said | null;
}

/** A sentence worded in whichever language the reader has chosen when it is shown. */
export type Said = (i18n: I18n) => string;

/** How an action's success is worded: from the reader's language and what the server answered. */
export type Success<T> = (i18n: I18n, result: T) => string;

/** What `useAction` gives a page section: its state, a runner, and a way to clear the messages. */
export interface ActionRunner {
  state: ActionState;
  /** Runs `call` under `key`; on success shows `success` and calls the section's `onDone` (a refresh). */
  run: <T>(key: string, call: () => Promise<T>, success: Success<T>) => Promise<boolean>;
  clear: () => void;
}

/**
 * Runs the reader's actions one at a time: a second click while one is under way is ignored, a refusal
 * keeps the server's problem document, and a success refreshes the data on screen in place.
 */
export function useAction(onDone: () => void): ActionRunner {
  const [state, setState] = useState<ActionState>({ busy: null, error: null, done: null });
  const busy = useRef(false);
  const run = useCallback(
    async <T,>(key: string, call: () => Promise<T>, success: Success<T>) => {
      if (busy.current) return false;
      busy.current = true;
      setState({ busy: key, error: null, done: null });
      try {
        const result = await call();
        setState({ busy: null, error: null, done: (i18n) => success(i18n, result) });
        onDone();
        return true;
      } catch (caught) {
        setState({
          busy: null,
          error: caught instanceof ApiError ? caught : new ApiError(0, { detail: String(caught) }),
          done: null,
        });
        return false;
      } finally {
        busy.current = false;
      }
    },
    [onDone],
  );
  const clear = useCallback(() => setState({ busy: null, error: null, done: null }), []);
  return { state, run, clear };
}

/**
 * The outcome of the last action: a refusal as an error alert that quotes the server's explanation
 * verbatim (it names the rule, the person and the fix), or the success in a polite live region.
 */
export function ActionFeedback({ state, refusedTitle }: { state: ActionState; refusedTitle?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const errorText = useErrorText();
  return (
    <>
      {state.error && (
        <div className="usa-alert usa-alert--error usa-alert--slim custodia-feedback" role="alert">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{refusedTitle ?? t('action.refused')}</h3>
            <p className="usa-alert__text">{errorText(state.error)}</p>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {state.done && (
          <div className="usa-alert usa-alert--success usa-alert--slim custodia-feedback">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{state.done(i18n)}</p>
            </div>
          </div>
        )}
      </div>
    </>
  );
}
