/**
 * The helper's choices before handing the tablet over: language, the
 * person's unit, and how the survey is presented to this person. Every page
 * is read aloud as it opens unless the helper switches it off: the
 * municipalities' own survey read every text aloud, and many respondents do
 * not read.
 */
import { useState } from 'react';
import { Button, Form, Switch } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RoundConfig } from '../shared/roundConfig.ts';
import { DEFAULT_PROFILE, type PresentationProfile } from '../storage/db.ts';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { LanguageChoice } from './LanguageChoice.tsx';

export interface NewSurveyChoices {
  readonly language: string;
  readonly unitId: number | null;
  readonly profile: PresentationProfile;
}

const NO_UNIT = 'none';

/** A respondent's presentation unless the helper changes it: pages read aloud as they open. */
const RESPONDENT_PROFILE: PresentationProfile = { ...DEFAULT_PROFILE, autoRead: true };

export function NewSurveyForm({
  round,
  languages,
  onStart,
  onCancel,
}: {
  round: RoundConfig;
  languages: readonly string[];
  onStart: (choices: NewSurveyChoices) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState(languages.includes(i18n.language) ? i18n.language : (languages[0] ?? 'nb'));
  const [unit, setUnit] = useState<string | null>(round.units.length === 1 ? String(round.units[0]!.id) : null);
  const [profile, setProfile] = useState<PresentationProfile>(RESPONDENT_PROFILE);

  const toggle = (key: keyof PresentationProfile) => (on: boolean) => setProfile((p) => ({ ...p, [key]: on }));

  return (
    <section className="panel" aria-labelledby="new-survey-title">
      <h2 id="new-survey-title">{t('helper.newSurveyTitle')}</h2>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          onStart({ language, unitId: unit === null || unit === NO_UNIT ? null : Number(unit), profile });
        }}
      >
        <LanguageChoice label={t('helper.language')} languages={languages} value={language} onChange={setLanguage} />
        {round.units.length > 0 && (
          <ChoiceGroup
            label={t('helper.unit')}
            value={unit}
            onChange={setUnit}
            options={[
              ...round.units.map((u) => ({ value: String(u.id), label: u.name })),
              { value: NO_UNIT, label: t('helper.unitNone') },
            ]}
          />
        )}
        <fieldset className="profile">
          <legend>{t('helper.profileTitle')}</legend>
          <Switch className="switch" isSelected={profile.autoRead} onChange={toggle('autoRead')}>
            <span className="switch-track" aria-hidden="true" />
            {t('helper.autoRead')}
          </Switch>
          <Switch className="switch" isSelected={profile.tapToHear} onChange={toggle('tapToHear')}>
            <span className="switch-track" aria-hidden="true" />
            {t('helper.tapToHear')}
          </Switch>
          <Switch className="switch" isSelected={profile.largeText} onChange={toggle('largeText')}>
            <span className="switch-track" aria-hidden="true" />
            {t('helper.largeText')}
          </Switch>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" className="button primary">
            {t('helper.start')}
          </Button>
          <Button className="button" onPress={onCancel}>
            {t('helper.cancel')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
