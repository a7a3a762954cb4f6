/** The coordinator API's resources, one loader each, every answer parsed with the shared schemas. */
import { z } from 'zod';
import { AUDIENCES } from '../shared/questionnaire.ts';
import {
  coordinatorSchema,
  progressSchema,
  questionnaireInfoSchema,
  resultsSchema,
  roundSchema,
  unitSchema,
  type CoordinatorInfo,
  type Progress,
  type QuestionnaireInfo,
  type Results,
  type ResultsQuery,
  type RoundSummary,
  type Unit,
} from '../shared/coordinatorApi.ts';
import { apiGet } from './api.ts';

export type { CoordinatorInfo, QuestionnaireInfo };

export const loadRounds = (): Promise<RoundSummary[]> => apiGet('/rounds', z.array(roundSchema));
export const loadRound = (roundId: number): Promise<RoundSummary> => apiGet(`/rounds/${roundId}`, roundSchema);
export const loadUnits = (): Promise<Unit[]> => apiGet('/units', z.array(unitSchema));
export const loadQuestionnaires = (): Promise<QuestionnaireInfo[]> => apiGet('/questionnaires', z.array(questionnaireInfoSchema));
export const loadCoordinators = (): Promise<CoordinatorInfo[]> => apiGet('/coordinators', z.array(coordinatorSchema));
export const loadProgress = (roundId: number): Promise<Progress> => apiGet(`/rounds/${roundId}/progress`, progressSchema);

export function resultsPath(roundId: number, query: ResultsQuery = {}): string {
  const params = new URLSearchParams();
  if (query.unitId !== undefined) params.set('unitId', String(query.unitId));
  if (query.answerMode !== undefined) params.set('answerMode', query.answerMode);
  if (query.withoutFlagged) params.set('withoutFlagged', 'true');
  const search = params.toString();
  return `/rounds/${roundId}/results${search ? `?${search}` : ''}`;
}

export const loadResults = (roundId: number, query: ResultsQuery = {}): Promise<Results> => apiGet(resultsPath(roundId, query), resultsSchema);

/** A round with what its pages need to name things: its units and questionnaires. */
export interface RoundContext {
  readonly round: RoundSummary;
  readonly units: Unit[];
  readonly questionnaires: QuestionnaireInfo[];
}

export async function loadRoundContext(roundId: number): Promise<RoundContext> {
  const [round, units, questionnaires] = await Promise.all([loadRound(roundId), loadUnits(), loadQuestionnaires()]);
  return {
    round,
    units: units.filter((unit) => round.unitIds.includes(unit.id)),
    questionnaires: questionnaires
      .filter((q) => round.questionnaireIds.includes(q.id))
      .sort((a, b) => AUDIENCES.indexOf(a.audience) - AUDIENCES.indexOf(b.audience)),
  };
}
