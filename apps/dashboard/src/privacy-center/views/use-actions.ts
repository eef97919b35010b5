import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { describeFailure, type Notice } from '../notice';
import { sessionEnded } from '../session-ended';

export interface Actions {
  busy: boolean;
  notice: Notice | undefined;
  /** Runs one action; its answer (what happened, what happens next) becomes the notice. */
  run: (work: () => Promise<string>) => Promise<void>;
}

/** One action at a time: the buttons wait while a change is on its way, so a click is recorded once. */
export function useActions(reload: () => Promise<void>, onSessionEnded: () => void): Actions {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      const text = await work();
      await reload();
      setNotice({ tone: 'done', text, serial: Date.now() });
    } catch (failure) {
      if (sessionEnded(failure)) return onSessionEnded();
      setNotice({ tone: 'error', text: describeFailure(failure, t), serial: Date.now() });
    } finally {
      setBusy(false);
    }
  };
  return { busy, notice, run };
}
