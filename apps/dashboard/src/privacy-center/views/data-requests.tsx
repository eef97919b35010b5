import { useId, useState } from 'react';
import { privacyCenter } from '../api';
import { useI18n } from '../i18n/i18n';
import type { Me } from '../types';
import { ErasureDialog } from './erasure-dialog';
import { RectificationForm } from './rectification-form';
import type { Actions } from './use-actions';

/** Hands the downloaded copy to the browser as a file. */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Answered requests are history; the person sees what is still to be answered, and by when. */
const ANSWERED = new Set(['fulfilled', 'rejected']);

function OpenRequests({ me }: { me: Me }) {
  const { t, label, date } = useI18n();
  const heading = useId();
  const open = me.requests.filter((request) => !ANSWERED.has(request.status));
  return (
    <>
      <h3 id={heading}>{t('requests.open')}</h3>
      {open.length === 0 ? (
        <p>{t('requests.none')}</p>
      ) : (
        <ul className="pc-list" aria-labelledby={heading}>
          {open.map((request) => (
            <li key={request.requestId} data-request-kind={request.kind}>
              {t('requests.row', {
                kind: label('kind', request.kind),
                received: date(request.receivedAt),
                due: date(request.dueAt),
                status: label('requestStatus', request.status),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Art. 15-17: a copy, a correction, an erasure; each answered by a due date (Art. 12(3)). */
export function DataRequests({ me, actions }: { me: Me; actions: Actions }) {
  const { t, date } = useI18n();
  const heading = useId();
  const [confirming, setConfirming] = useState(false);
  const download = () =>
    actions.run(async () => {
      const { blob, filename } = await privacyCenter.download();
      save(blob, filename);
      return t('done.downloaded', { file: filename });
    });
  const erase = () => {
    setConfirming(false);
    void actions.run(async () => {
      const answer = await privacyCenter.request({ kind: 'erasure' });
      return t('done.requested.erasure', { due: date(answer.dueAt) });
    });
  };
  return (
    <section className="pc-card" aria-labelledby={heading}>
      <h2 id={heading}>{t('overview.requests')}</h2>
      <OpenRequests me={me} />
      <div className="pc-action">
        <p>{t('requests.downloadHelp')}</p>
        <button type="button" className="pc-primary" disabled={actions.busy} onClick={download}>
          {t('requests.download')}
        </button>
      </div>
      <RectificationForm actions={actions} />
      <div className="pc-action">
        <p>{t('requests.erasureHelp')}</p>
        <button type="button" className="pc-danger" disabled={actions.busy} onClick={() => setConfirming(true)}>
          {t('requests.erasure')}
        </button>
      </div>
      {confirming && <ErasureDialog onConfirm={erase} onClose={() => setConfirming(false)} />}
    </section>
  );
}
