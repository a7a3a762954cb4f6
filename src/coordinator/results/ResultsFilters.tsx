/**
 * The result filters: one unit, or one way the answers were given (alone,
 * with help, someone else, not recorded), never both: crossed, the groups
 * get too small. Choosing one sets the other back to "all", and a hint
 * under the filters says so. A switch shows every figure without the
 * responses flagged as yes-saying or one answer to everything; it stays
 * on when the other filters change.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_MODES, type ResultsQuery, type Unit } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';
import { SelectField } from '../ui/SelectField.tsx';
import { SwitchField } from '../ui/SwitchField.tsx';

export interface ResultsFiltersProps {
  readonly units: readonly Unit[];
  readonly value: ResultsQuery;
  readonly onChange: (query: ResultsQuery) => void;
}

const ALL = 'all';

export function ResultsFilters({ units, value, onChange }: ResultsFiltersProps) {
  const { t } = useTranslation(NS);
  const hintId = useId();
  const unitOptions = [{ value: ALL, label: t('filters.allUnits') }, ...units.map((unit) => ({ value: String(unit.id), label: unit.name }))];
  const modeOptions = [{ value: ALL, label: t('filters.allModes') }, ...ANSWER_MODES.map((mode) => ({ value: mode, label: t(`answerMode.${mode}`) }))];
  const { unitId, answerMode } = value;
  const flags = value.withoutFlagged ? { withoutFlagged: true } : {};

  return (
    <div role="group" aria-label={t('filters.label')} aria-describedby={hintId} className="filters">
      <SelectField
        label={t('filters.unit')}
        value={unitId === undefined ? ALL : String(unitId)}
        options={unitOptions}
        onChange={(next) => onChange(next === ALL ? flags : { ...flags, unitId: Number(next) })}
      />
      <SelectField
        label={t('filters.answerMode')}
        value={answerMode ?? ALL}
        options={modeOptions}
        onChange={(next) => {
          const mode = ANSWER_MODES.find((m) => m === next);
          onChange(mode ? { ...flags, answerMode: mode } : flags);
        }}
      />
      <p id={hintId} className="hint filters-hint">
        {t('filters.notBoth')}
      </p>
      <SwitchField
        label={t('filters.withoutFlagged')}
        description={t('filters.withoutFlaggedHint')}
        value={value.withoutFlagged === true}
        onChange={(on) => {
          const { withoutFlagged: _, ...rest } = value;
          onChange(on ? { ...rest, withoutFlagged: true } : rest);
        }}
      />
    </div>
  );
}
