import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { CaseNote } from '../../api/types.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { describeError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Investigative notes, oldest first, and a form to add one. */
export function CaseNotes({
  caseId,
  notes,
  onAdded,
}: { caseId: number; notes: CaseNote[]; onAdded: () => void }) {
  const { t, lang } = useI18n();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    try {
      await api.addCaseNote(caseId, body.trim());
      setBody('');
      onAdded();
    } catch (err) {
      setError(describeError(err, t));
    }
  };
  return (
    <div className="notes">
      {notes.length === 0 ? <p className="muted">{t('cases.noNotes')}</p> : null}
      <ol className="note-list">
        {notes.map((n) => (
          <li key={n.id}>
            <p className="note-meta muted small">
              {n.author} · {formatDateTime(n.createdAt, lang)}
            </p>
            <p className="note-body">{n.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="stack">
        <label htmlFor="note-body">{t('cases.addNote')}</label>
        <textarea id="note-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        {error ? <p className="form-error">{error}</p> : null}
        <button type="submit" className="btn">
          {t('cases.saveNote')}
        </button>
      </form>
    </div>
  );
}
