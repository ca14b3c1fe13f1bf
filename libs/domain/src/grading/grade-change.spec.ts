import type { Grade, GradeBasis, IncidentCategory, IncidentType } from '../contracts/incidents.js';
import { DomainError } from '../errors/domain-error.js';
import { assertOfficerGradeChange, basisFitsClassification, decideGradeChange, isOfficerBasis, officerGradeBasis } from './grade-change.js';
import type { GradeResult } from './grade-incident.js';

const computedBasis = (criterion: string): GradeBasis => ({ table: 'decree_493', criterion, value: 3, reason: 'r' });
const computed = (grade: Grade): GradeResult => ({ grade, basis: computedBasis('deaths') });
const stored = (grade: Grade | null) => ({ grade, basis: grade === null ? null : computedBasis('deaths') });
const officer = (grade: Grade | null) => ({ grade, basis: officerGradeBasis('核实后下调', 'user-1') });

describe('decideGradeChange', () => {
  it('raises from nothing', () => {
    expect(decideGradeChange(null, computed('IV'))).toEqual({ kind: 'raise', from: null, to: 'IV', basis: computedBasis('deaths') });
    expect(decideGradeChange(stored(null), computed('III'))).toMatchObject({ kind: 'raise', from: null, to: 'III' });
  });

  it.each<[Grade, Grade]>([
    ['IV', 'III'],
    ['III', 'II'],
    ['II', 'I'],
    ['IV', 'I'],
  ])('raises %s → %s', (from, to) => {
    expect(decideGradeChange(stored(from), computed(to))).toMatchObject({ kind: 'raise', from, to });
  });

  it('does nothing when the computed grade equals the stored one', () => {
    expect(decideGradeChange(stored('III'), computed('III'))).toEqual({ kind: 'none', grade: 'III' });
  });

  it('does nothing when nothing is computed (HEALTH, SOCIAL, ungraded NATURAL)', () => {
    expect(decideGradeChange(stored('II'), null)).toEqual({ kind: 'none', grade: 'II' });
    expect(decideGradeChange(null, null)).toEqual({ kind: 'none', grade: null });
  });

  it.each<[Grade, Grade]>([
    ['III', 'IV'],
    ['I', 'II'],
    ['I', 'IV'],
  ])('never silently lowers %s to %s', (current, lower) => {
    expect(decideGradeChange(stored(current), computed(lower))).toEqual({
      kind: 'keep_higher',
      grade: current,
      computed: lower,
      computedBasis: computedBasis('deaths'),
    });
  });

  describe('after an officer lowered the grade', () => {
    it('keeps the officer grade while the figures have not escalated', () => {
      expect(decideGradeChange(officer('III'), computed('II'), { previousComputed: 'II' })).toEqual({
        kind: 'keep_officer',
        grade: 'III',
        computed: 'II',
        computedBasis: computedBasis('deaths'),
      });
    });

    it('raises once the figures reach a grade above what they gave before', () => {
      expect(decideGradeChange(officer('III'), computed('I'), { previousComputed: 'II' })).toMatchObject({ kind: 'raise', from: 'III', to: 'I' });
    });

    it('raises when the previous computed grade is unknown (escalation beats silence)', () => {
      expect(decideGradeChange(officer('III'), computed('II'))).toMatchObject({ kind: 'raise', from: 'III', to: 'II' });
    });

    it('respects an officer who cleared the grade', () => {
      expect(decideGradeChange(officer(null), computed('IV'), { previousComputed: 'IV' })).toMatchObject({ kind: 'keep_officer', grade: null });
      expect(decideGradeChange(officer(null), computed('III'), { previousComputed: 'IV' })).toMatchObject({ kind: 'raise', to: 'III' });
    });

    it('ignores previousComputed for computed grades', () => {
      expect(decideGradeChange(stored('III'), computed('II'), { previousComputed: 'II' })).toMatchObject({ kind: 'raise', to: 'II' });
    });
  });
});

describe('officer grade changes', () => {
  it.each<[Grade | null, Grade | null, string]>([
    ['IV', 'III', 'raise'],
    [null, 'IV', 'raise'],
    ['II', 'III', 'lower'],
    ['IV', null, 'lower'],
    ['III', 'III', 'same'],
  ])('%s → %s is a %s', (current, requested, direction) => {
    expect(assertOfficerGradeChange(current, requested, '现场核实')).toBe(direction);
  });

  it('refuses to lower without a reason', () => {
    let thrown: unknown;
    try {
      assertOfficerGradeChange('II', 'III', '   ');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'GRADE_LOWERING_NEEDS_REASON', kind: 'invalid', fields: { reason: expect.any(String) } });
    expect(() => assertOfficerGradeChange('IV', null, '')).toThrow(expect.objectContaining({ code: 'GRADE_LOWERING_NEEDS_REASON' }));
  });

  it('refuses other changes without a reason as REASON_REQUIRED', () => {
    expect(() => assertOfficerGradeChange('IV', 'I', '')).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED', kind: 'invalid' }));
  });

  it('records who and why in the basis', () => {
    const basis = officerGradeBasis('  敏感时期提级  ', 'user-7');
    expect(basis).toEqual({ table: 'officer', criterion: 'officer', value: null, reason: '敏感时期提级', setBy: 'user-7' });
    expect(isOfficerBasis(basis)).toBe(true);
    expect(isOfficerBasis(computedBasis('deaths'))).toBe(false);
    expect(isOfficerBasis({ ...computedBasis('deaths'), setBy: 'u' })).toBe(true);
    expect(isOfficerBasis(null)).toBe(false);
  });
});

describe('basisFitsClassification', () => {
  const basis = (table: string): GradeBasis => ({ table, criterion: 'deaths', value: 3, reason: '死亡3人' });

  it.each<[string, boolean, Grade | null, GradeBasis | null, IncidentCategory | null, IncidentType | null]>([
    ['an accident graded by Decree 493', true, 'III', basis('decree_493'), 'ACCIDENT', 'fire'],
    ['an accident of unknown type graded by Decree 493', true, 'III', basis('decree_493'), 'ACCIDENT', null],
    ['an accident reclassified as a health event', false, 'III', basis('decree_493'), 'HEALTH', 'epidemic'],
    ['an accident reclassified as a social event', false, 'III', basis('decree_493'), 'SOCIAL', null],
    ['an accident reclassified as a flood', false, 'III', basis('decree_493'), 'NATURAL', 'flood'],
    ['a flood graded by the relief table', true, 'II', basis('natural_relief'), 'NATURAL', 'flood'],
    ['a flood retyped as a forest fire', false, 'II', basis('natural_relief'), 'NATURAL', 'forest_fire'],
    ['a forest fire graded by its table', true, 'II', basis('forest_fire'), 'NATURAL', 'forest_fire'],
    ['an earthquake whose category was cleared', false, 'I', basis('earthquake'), null, null],
    ["an officer's grade on a health event", true, 'II', officerGradeBasis('研判', 'u1'), 'HEALTH', 'epidemic'],
    ['a computed basis an officer confirmed (setBy)', true, 'III', { ...basis('decree_493'), setBy: 'u1' }, 'SOCIAL', null],
    ['no grade', true, null, null, 'HEALTH', null],
    ['a grade without a basis (nothing to contradict)', true, 'IV', null, 'HEALTH', null],
  ])('%s: fits %s', (_case, fits, grade, gradeBasis, category, type) => {
    expect(basisFitsClassification({ grade, gradeBasis, category, type })).toBe(fits);
  });
});
