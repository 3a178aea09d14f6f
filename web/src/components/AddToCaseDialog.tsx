import { type FormEvent, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useI18n } from '../app/i18n-context.ts';
import { useApi } from '../hooks/useApi.ts';
import { describeError } from '../lib/describe-error.ts';
import { Dialog } from './Dialog.tsx';
import { Loading } from './Loading.tsx';

/** Attaches ads or networks to an existing open case, or to a new one created on the spot. */
export function AddToCaseDialog({
  items,
  onClose,
  onDone,
}: {
  items: { kind: 'ad' | 'network'; ref: string }[];
  onClose: () => void;
  onDone: (caseId: number, title: string) => void;
}) {
  const { t } = useI18n();
  const cases = useApi((signal) => api.cases({ signal }), []);
  const [choice, setChoice] = useState<string>('new');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = cases.data?.items.filter((c) => c.status !== 'closed') ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let id: number;
      let name: string;
      if (choice === 'new') {
        if (!title.trim()) throw new Error(t('cases.titleRequired'));
        const c = await api.createCase(title.trim());
        id = c.id;
        name = c.title;
      } else {
        id = Number(choice);
        name = open.find((c) => c.id === id)?.title ?? String(id);
      }
      await api.addCaseItems(id, items);
      onDone(id, name);
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('cases.addTitle', { count: items.length })} onClose={onClose}>
      {cases.status === 'loading' && !cases.data ? <Loading /> : null}
      <form onSubmit={submit} className="stack">
        <label>
          {t('cases.choose')}
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="case-choice">
            <option value="new">{t('cases.new')}</option>
            {open.map((c) => (
              <option key={c.id} value={c.id}>
                #{c.id} — {c.title}
              </option>
            ))}
          </select>
        </label>
        {choice === 'new' ? (
          <label>
            {t('cases.newTitle')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} name="case-title" />
          </label>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('cases.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
