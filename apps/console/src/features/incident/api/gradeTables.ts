import { useQuery } from '@tanstack/react-query';
import type { GradeTables } from '@beacon/domain';
import { http } from '../../../lib/http';

/**
 * The grading tables the server grades with (its GRADE_TABLES_FILE may replace the shipped earthquake or
 * relief table): what the console says about a grade must come from the same ones. Fixed while it runs.
 */
export function useGradeTables() {
  return useQuery({
    queryKey: ['grading', 'tables'] as const,
    queryFn: ({ signal }) => http.get<GradeTables>('/api/grading/tables', signal),
    staleTime: Infinity,
  });
}
