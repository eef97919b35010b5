import { useState, type FormEvent } from 'react';
import type { AnchorRecord } from '../api/types';
import { ErrorNote } from '../components/error-note';
import { ScrollTable } from '../components/scroll-box';
import { useI18n } from '../i18n/i18n';
import { href } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { SubjectProof } from './subject-proof';

/** Proof that the log was not altered: the latest signed anchors and one subject's verified chain. */
export function Audit({ subjectId }: { subjectId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [id, setId] = useState(subjectId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    location.hash = href.audit(id.trim().toLowerCase());
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      {can('verify') && (
        <form className="inline-form" onSubmit={submit}>
          <label className="grow">
            {t('audit.subjectId')}
            <input value={id} onChange={(e) => setId(e.target.value)} required pattern="[0-9a-fA-F-]{36}" />
          </label>
          <button type="submit" className="primary">
            {t('audit.verify')}
          </button>
        </form>
      )}
      {subjectId && can('verify') && <SubjectProof subjectId={subjectId} />}
      {can('anchors') ? <Anchors /> : <p className="note">{t('audit.noAccess')}</p>}
    </section>
  );
}

function Anchors() {
  const { t, date, number } = useI18n();
  const { client } = useSession();
  const [anchors] = useLoad(
    (signal) => client.get<AnchorRecord[]>('/audit/checkpoints?limit=10', { signal }),
    [client],
  );
  return (
    <div className="card">
      <h2>{t('audit.anchors')}</h2>
      {anchors.state === 'loading' && <p className="note">{t('common.loading')}</p>}
      {anchors.state === 'error' && <ErrorNote error={anchors.error} />}
      {anchors.state === 'ok' && anchors.data.length === 0 && <p className="note">{t('audit.noAnchors')}</p>}
      {anchors.state === 'ok' && anchors.data.length > 0 && (
        <ScrollTable label={t('audit.anchors')}>
          <thead>
            <tr>
              {(['audit.anchorTime', 'audit.logSize', 'audit.position', 'audit.root', 'audit.key'] as const).map(
                (key) => (
                  <th scope="col" key={key}>
                    {t(key)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {anchors.data.map((anchor) => (
              <tr key={anchor.revision} data-testid="anchor-row">
                <td>{date(anchor.checkpoint.time)}</td>
                <td className="num">{number(anchor.checkpoint.logSize)}</td>
                <td className="num">{number(anchor.checkpoint.position)}</td>
                <td>
                  <code title={anchor.checkpoint.merkleRoot}>{anchor.checkpoint.merkleRoot.slice(0, 16)}…</code>
                </td>
                <td>
                  <code>{anchor.checkpoint.keyId}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}
