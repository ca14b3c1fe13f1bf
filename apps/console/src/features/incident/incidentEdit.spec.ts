import { emptyFigures, type IncidentDto } from '@beacon/domain';
import { editDraft, followUntouched, incidentUpdate, withOthersChanges } from './incidentEdit';

const incident = (over: Partial<IncidentDto> = {}): IncidentDto =>
  ({
    id: 'i1', code: 'INC-1', title: '东门火灾', status: 'acknowledged', category: 'ACCIDENT', type: 'fire', grade: null, gradeBasis: null,
    location: { lng: 118.3, lat: 36.8 }, address: '东门', jurisdictionId: 'j', figures: { ...emptyFigures(), injured: 1 }, sources: ['119'],
    callCount: 1, createdAt: '', lastCallAt: '', acknowledgedAt: null, acknowledgedBy: null, ackDeadlineAt: null, ackOverdueLevel: 0,
    mergedInto: null, version: 1, ...over,
  }) as IncidentDto;

describe('incidentUpdate', () => {
  it('sends nothing but the reason when nothing changed', () => {
    const opened = incident();
    expect(incidentUpdate(opened, opened, { ...editDraft(opened), reason: ' 核实 ' })).toEqual({ body: { reason: '核实' } });
  });

  it('sends only what the officer changed, never a field another officer changed meanwhile (no lost update)', () => {
    const opened = incident();
    // Another officer set 被困 2 after this form opened on 被困 0.
    const current = incident({ figures: { ...opened.figures, trapped: 2 }, version: 2 });
    const draft = { ...editDraft(opened), title: '东门仓库火灾', figures: { ...editDraft(opened).figures, injured: '4' } };
    expect(incidentUpdate(opened, current, draft)).toEqual({ body: { title: '东门仓库火灾', figures: { injured: 4 } } });
  });

  it('refuses a field both officers changed, naming its value now', () => {
    const opened = incident();
    const current = incident({ figures: { ...opened.figures, injured: 3 }, title: '东门厂房火灾' });
    const draft = { ...editDraft(opened), title: '东门仓库火灾', figures: { ...editDraft(opened).figures, injured: '4' } };
    expect(incidentUpdate(opened, current, draft)).toEqual({
      problems: { title: { kind: 'changedMeanwhile', now: '东门厂房火灾' }, 'figures.injured': { kind: 'changedMeanwhile', now: '3' } },
    });
    // Shown them (withOthersChanges), the officer's same draft goes through, and still sends only what the officer changed.
    const later = incident({ ...current, figures: { ...current.figures, trapped: 2 } });
    const rebased = withOthersChanges(opened, later, ['title', 'figures.injured']);
    expect(incidentUpdate(rebased, later, draft)).toEqual({ body: { title: '东门仓库火灾', figures: { injured: 4 } } });
  });

  it('clears an optional figure emptied by the officer', () => {
    const opened = incident({ figures: { ...emptyFigures(), injured: 1, economicLossCny: 5000 } });
    const draft = { ...editDraft(opened), figures: { ...editDraft(opened).figures, economicLossCny: '' } };
    expect(incidentUpdate(opened, opened, draft)).toEqual({ body: { figures: { economicLossCny: null } } });
  });

  it('asks for 0 instead of an emptied count, a 0 count included, rather than ignore it', () => {
    const opened = incident({ figures: { ...emptyFigures(), injured: 1, economicLossCny: 5000 } });
    const draft = { ...editDraft(opened), figures: { ...editDraft(opened).figures, injured: '', deaths: ' ', economicLossCny: '' } };
    expect(incidentUpdate(opened, opened, draft)).toEqual({
      problems: { 'figures.injured': { kind: 'figure', problem: 'emptyCount' }, 'figures.deaths': { kind: 'figure', problem: 'emptyCount' } },
    });
    const typedZero = { ...draft, figures: { ...draft.figures, injured: '0', deaths: '0' } };
    expect(incidentUpdate(opened, opened, typedZero)).toEqual({ body: { figures: { injured: 0, economicLossCny: null } } });
  });

  it('refuses bad figures by the API’s rules, field by field', () => {
    const opened = incident();
    const draft = { ...editDraft(opened), figures: { ...editDraft(opened).figures, trapped: '2.5', magnitude: '12', economicLossCny: '-1' } };
    expect(incidentUpdate(opened, opened, draft)).toEqual({
      problems: {
        'figures.trapped': { kind: 'figure', problem: 'badCount' },
        'figures.magnitude': { kind: 'figure', problem: 'tooLarge', limit: 10 },
        'figures.economicLossCny': { kind: 'figure', problem: 'badNumber' },
      },
    });
  });

  it('shows a position another officer set as the form does', () => {
    const opened = incident();
    const current = incident({ location: { lng: 118.123456, lat: 36.5 } });
    expect(incidentUpdate(opened, current, { ...editDraft(opened), location: { lng: 118.2, lat: 36.6 } })).toEqual({
      problems: { location: { kind: 'changedMeanwhile', now: '118.12346, 36.50000' } },
    });
  });

  it('sends a picked position and a classification change', () => {
    const opened = incident();
    const draft = { ...editDraft(opened), category: 'ACCIDENT' as const, type: 'hazmat' as const, location: { lng: 118.31, lat: 36.81 } };
    expect(incidentUpdate(opened, opened, draft)).toEqual({ body: { type: 'hazmat', location: { lng: 118.31, lat: 36.81 } } });
  });
});

describe('followUntouched', () => {
  it('shows what another officer changed in the fields this one left alone, and sends none of it', () => {
    const opened = incident();
    const draft = { ...editDraft(opened), title: '东门仓库火灾' };
    const current = incident({ figures: { ...opened.figures, trapped: 2 }, address: '东门 3 号', location: { lng: 118.31, lat: 36.8 }, version: 2 });
    const next = followUntouched(opened, current, draft);
    expect(next.draft).toMatchObject({ title: '东门仓库火灾', address: '东门 3 号', location: null, figures: { trapped: '2', injured: '1' } });
    expect(next.opened).toMatchObject({ title: '东门火灾', address: '东门 3 号', location: { lng: 118.31, lat: 36.8 }, figures: { trapped: 2 } });
    expect(incidentUpdate(next.opened, current, next.draft)).toEqual({ body: { title: '东门仓库火灾' } });
    // What moved under the officer's eyes, for the form to say.
    expect(next.followed.sort()).toEqual(['address', 'figures.trapped', 'location']);
  });

  it('keeps what the officer typed, and its baseline, so a change both made is still caught', () => {
    const opened = incident();
    const draft = { ...editDraft(opened), figures: { ...editDraft(opened).figures, injured: '4' } };
    const current = incident({ figures: { ...opened.figures, injured: 3 }, version: 2 });
    const next = followUntouched(opened, current, draft);
    expect(next.draft.figures.injured).toBe('4');
    expect(next.opened.figures.injured).toBe(1);
    expect(incidentUpdate(next.opened, current, next.draft)).toEqual({ problems: { 'figures.injured': { kind: 'changedMeanwhile', now: '3' } } });
  });

  it('keeps a position the officer picked on the map against the one the form opened with', () => {
    const opened = incident();
    const picked = { lng: 118.32, lat: 36.81 };
    const current = incident({ location: { lng: 118.31, lat: 36.8 }, version: 2 });
    const next = followUntouched(opened, current, { ...editDraft(opened), location: picked });
    expect(next.opened.location).toEqual(opened.location);
    expect(next.draft.location).toEqual(picked);
  });
});
