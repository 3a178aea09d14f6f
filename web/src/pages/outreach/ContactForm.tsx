import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useI18n } from '../../app/i18n-context.ts';
import { describeError } from '../../lib/describe-error.ts';

export const OUTCOMES = [
  'sent',
  'no_answer',
  'replied',
  'accepted_help',
  'refused',
  'wrong_number',
  'unsafe',
] as const;
const CHANNELS = ['sms', 'call', 'whatsapp', 'email', 'other'] as const;

/** Records a contact attempt and its outcome. */
export function ContactForm({
  adId,
  templateId,
  lang,
  disabled,
  onLogged,
}: {
  adId: number;
  templateId: string | null;
  lang?: string;
  disabled: boolean;
  onLogged: () => void;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<string>('sent');
  const [channel, setChannel] = useState<string>('sms');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.logContact({
        adId,
        templateId: templateId ?? undefined,
        lang,
        outcome,
        channel,
        note: note.trim() || undefined,
      });
      setNote('');
      setMessage({ text: t('outreach.logged'), ok: true });
      onLogged();
    } catch (err) {
      setMessage({ text: describeError(err, t), ok: false });
    }
  };
  return (
    <form className="contact-form" onSubmit={submit}>
      <fieldset disabled={disabled}>
        <legend>{t('outreach.log')}</legend>
        <label>
          {t('outreach.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('outreach.outcome')}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="outcome">
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('outreach.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('outreach.save')}
        </button>
      </fieldset>
      {disabled ? <p className="muted small">{t('outreach.ackFirst')}</p> : null}
      {message ? (
        <output className={message.ok ? 'notice' : 'form-error'} data-testid="contact-status">
          {message.text}
        </output>
      ) : null}
    </form>
  );
}
