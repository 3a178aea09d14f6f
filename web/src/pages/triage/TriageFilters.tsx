import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n-context.ts';
import type { AdFilters } from '../../lib/filters.ts';
import { INDICATOR_CODES } from '../../lib/categories.ts';
import { SORTS } from '../../lib/filters.ts';

/** The filter bar: time range, place, source, category, indicators, reviewed state, sort. */
export function TriageFilters({
  filters,
  onChange,
}: { filters: AdFilters; onChange: (p: Partial<AdFilters>) => void }) {
  const { t } = useI18n();
  // Free-text fields apply on Enter/blur so typing does not fire a request per key.
  const [place, setPlace] = useState(filters.place ?? '');
  const [source, setSource] = useState(filters.source ?? '');
  const [category, setCategory] = useState(filters.category ?? '');
  useEffect(() => {
    setPlace(filters.place ?? '');
    setSource(filters.source ?? '');
    setCategory(filters.category ?? '');
  }, [filters.place, filters.source, filters.category]);
  const commitText = () =>
    onChange({
      place: place.trim() || undefined,
      source: source.trim() || undefined,
      category: category.trim() || undefined,
    });
  const [minScore, setMinScore] = useState(
    filters.minScore === undefined ? '' : String(Math.round(filters.minScore * 100)),
  );
  const toggleIndicator = (c: string) =>
    onChange({
      indicators: filters.indicators.includes(c)
        ? filters.indicators.filter((x) => x !== c)
        : [...filters.indicators, c],
    });
  return (
    <form
      className="filters"
      aria-label={t('filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        commitText();
      }}
    >
      <div className="filter-row">
        <label>
          {t('filters.from')}
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => onChange({ from: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('filters.to')}
          <input
            type="date"
            value={filters.to ?? ''}
            onChange={(e) => onChange({ to: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('filters.place')}
          <input
            value={place}
            placeholder={t('filters.placeHint')}
            onChange={(e) => setPlace(e.target.value)}
            onBlur={commitText}
            size={8}
          />
        </label>
        <label>
          {t('filters.source')}
          <input value={source} onChange={(e) => setSource(e.target.value)} onBlur={commitText} size={10} />
        </label>
        <label>
          {t('filters.category')}
          <input
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            onBlur={commitText}
            size={10}
          />
        </label>
        <label>
          {t('filters.reviewed')}
          <select
            value={filters.reviewed}
            onChange={(e) => onChange({ reviewed: e.target.value as AdFilters['reviewed'] })}
          >
            <option value="no">{t('filters.reviewed.no')}</option>
            <option value="yes">{t('filters.reviewed.yes')}</option>
            <option value="all">{t('filters.reviewed.all')}</option>
          </select>
        </label>
        <label>
          {t('filters.sort')}
          <select
            value={filters.sort}
            onChange={(e) => onChange({ sort: e.target.value as AdFilters['sort'] })}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`filters.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {filters.sort !== 'recent' ? (
          <label>
            {t('filters.minScore')}
            <input
              type="number"
              min={0}
              max={100}
              step={5}
              value={minScore}
              onChange={(e) => setMinScore(e.target.value)}
              onBlur={() => {
                const v = Number(minScore);
                onChange({ minScore: minScore === '' || !(v > 0) ? undefined : Math.min(1, v / 100) });
              }}
              size={4}
            />
          </label>
        ) : null}
        <button type="submit" className="sr-only">
          {t('filters.apply')}
        </button>
      </div>
      <details className="indicator-picker" open={filters.indicators.length > 0}>
        <summary>
          {t('filters.indicators')}
          {filters.indicators.length > 0 ? ` (${filters.indicators.length})` : ''}
          <span className="muted small"> — {t('filters.indicatorsHint')}</span>
        </summary>
        <div className="indicator-groups">
          {Object.entries(INDICATOR_CODES).map(([cat, codes]) => (
            <fieldset key={cat} className={`indicator-group cat-${cat}`}>
              <legend>{t(`category.${cat}`)}</legend>
              {codes.map((c) => (
                <label key={c} className="toggle">
                  <input
                    type="checkbox"
                    checked={filters.indicators.includes(c)}
                    onChange={() => toggleIndicator(c)}
                  />
                  {t(`indicatorName.${c}`)}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </details>
    </form>
  );
}
