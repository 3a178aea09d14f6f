import { useI18n } from '../app/i18n-context.ts';

/** A loading state in words (announced to screen readers). */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <output className="state state-loading" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </output>
  );
}
