import type { IncidentCategory, IncidentType } from '../contracts/incidents.js';
import { DomainError } from '../errors/domain-error.js';
import { categoryOfType, isTypeOfCategory } from './incident-category.js';

export interface Classification {
  category: IncidentCategory | null;
  type: IncidentType | null;
}

export interface ClassificationCorrection {
  category?: IncidentCategory;
  type?: IncidentType;
}

export interface CorrectedClassification extends Classification {
  /** Which of the two the officer's correction actually changed, in this order. */
  changed: Array<'category' | 'type'>;
}

/**
 * An officer corrects what an incident is. Category and type must agree:
 * - a type alone brings its own category;
 * - a category and a type that is not one of its sub-types is refused (400 on `type`);
 * - a new category alone clears a known type that no longer fits it, so the incident is never
 *   graded by a table of the wrong category (an unknown type is better than a wrong one).
 * Giving what the incident already is changes nothing.
 */
export function correctClassification(current: Classification, correction: ClassificationCorrection): CorrectedClassification {
  const { category: newCategory, type: newType } = correction;
  if (newType && newCategory && !isTypeOfCategory(newType, newCategory)) {
    throw DomainError.of('VALIDATION_FAILED', `type ${newType} is not a sub-type of ${newCategory}`, { type: `not a sub-type of ${newCategory}` });
  }
  const category = newCategory ?? (newType ? categoryOfType(newType) : current.category);
  let type = newType ?? current.type;
  if (type && category && !isTypeOfCategory(type, category)) type = null;
  const changed: Array<'category' | 'type'> = [];
  if (category !== current.category) changed.push('category');
  if (type !== current.type) changed.push('type');
  return { category, type, changed };
}
