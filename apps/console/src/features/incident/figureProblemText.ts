import type { TFunction } from 'i18next';
import type { FigureProblem } from './figureInput';

/** The officer's message for a figure the form cannot take, in the UI's language, the bound written as the locale writes numbers. */
export function figureProblemText(t: TFunction, language: string, field: string, problem: FigureProblem): string {
  const limit = 'limit' in problem ? problem.limit.toLocaleString(language) : undefined;
  return t(`errors.${problem.problem}`, { field, limit });
}
