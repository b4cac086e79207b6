import { latestPerForm } from './case-form-data';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 8, minute));

describe('latestPerForm', () => {
  it('picks per form the submission stored last, whatever order the case recorded them in', () => {
    const latest = latestPerForm([
      { submissionId: 'late', formPath: 'needs-assessment', at: at(1), submittedAt: at(5) },
      { submissionId: 'other-form', formPath: 'consent-information', at: at(2), submittedAt: at(2) },
      // A retried old submission, recorded after the later one.
      { submissionId: 'early', formPath: 'needs-assessment', at: at(9), submittedAt: at(3) },
    ]);
    expect(Object.fromEntries(latest)).toEqual({ 'needs-assessment': 'late', 'consent-information': 'other-form' });
  });

  it('falls back to when the case recorded an entry, and to the recording order on a tie', () => {
    const latest = latestPerForm([
      { submissionId: 'a', formPath: 'safety-plan', at: at(4) },
      { submissionId: 'b', formPath: 'safety-plan', at: at(4) },
      { submissionId: 'c', formPath: 'plan-of-assistance', at: at(6) },
      { submissionId: 'd', formPath: 'plan-of-assistance', at: at(1), submittedAt: at(5) },
    ]);
    expect(Object.fromEntries(latest)).toEqual({ 'safety-plan': 'b', 'plan-of-assistance': 'c' });
  });

  it('is empty for a case without submissions', () => {
    expect(latestPerForm([]).size).toBe(0);
  });
});
