/**
 * The respondents' questionnaire rendered with SurveyJS (survey-core and
 * survey-react-ui), built by `npm run bench` only, to compare what a tablet
 * downloads before the first page shows. Like our app, it fetches the
 * questionnaire as data at start (survey.json, written by the bench).
 */
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/i18n/norwegian';
import 'survey-core/survey-core.min.css';
import { Survey } from 'survey-react-ui';

const root = createRoot(document.getElementById('root')!);

void fetch('./survey.json')
  .then((response) => response.json())
  .then((json: object) => {
    const model = new Model(json);
    root.render(<Survey model={model} />);
  });
