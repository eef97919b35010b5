import { useId, useState, type FormEvent } from 'react';
import { privacyCenter } from '../api';
import { useI18n } from '../i18n/i18n';
import type { Actions } from './use-actions';

/** What a person may ask to have corrected: the profile fields and their contact points. */
const FIELDS = ['firstName', 'lastName', 'salutation', 'company', 'email', 'phone', 'postalAddress'] as const;

/** Art. 16: the person says what is wrong and what is right; staff check and correct it. */
export function RectificationForm({ actions }: { actions: Actions }) {
  const { t, label, date } = useI18n();
  const ids = { heading: useId(), field: useId(), correction: useId() };
  const [field, setField] = useState<string>(FIELDS[0]);
  const [correction, setCorrection] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void actions.run(async () => {
      const answer = await privacyCenter.request({ kind: 'rectification', field, correction: correction.trim() });
      setCorrection('');
      return t('done.requested.rectification', { due: date(answer.dueAt) });
    });
  };
  return (
    <form className="pc-form pc-action" aria-labelledby={ids.heading} onSubmit={submit}>
      <h3 id={ids.heading}>{t('requests.rectify')}</h3>
      <label htmlFor={ids.field}>{t('requests.field')}</label>
      <select id={ids.field} value={field} onChange={(e) => setField(e.target.value)}>
        {FIELDS.map((name) => (
          <option key={name} value={name}>
            {label('field', name)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.correction}>{t('requests.correction')}</label>
      <input id={ids.correction} required value={correction} onChange={(e) => setCorrection(e.target.value)} />
      <button type="submit" disabled={actions.busy}>
        {t('requests.rectifySubmit')}
      </button>
    </form>
  );
}
