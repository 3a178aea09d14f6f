import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { describeError } from '../../lib/describe-error.ts';

const KINDS = ['phone', 'email', 'handle', 'image', 'search'] as const;

/** Adds a watch: an identifier or a saved search; new matching ads create alerts. */
export function WatchForm({ onAdded, onError }: { onAdded: () => void; onError: (m: string) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('phone');
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    try {
      await api.addWatch(kind, value.trim(), label.trim() || undefined);
      setValue('');
      setLabel('');
      onAdded();
    } catch (err) {
      onError(describeError(err, t));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        {t('alerts.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`watchKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alerts.value')}
        <input value={value} onChange={(e) => setValue(e.target.value)} required />
      </label>
      <label>
        {t('alerts.label')}
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('alerts.add')}
      </button>
    </form>
  );
}
