import { eventDataOf } from './event-options';

describe('the event data a guard asks for', () => {
  it('reads equalities with an event variable on either side, also inside and', () => {
    expect(eventDataOf({ '==': [{ var: 'event.stop' }, 'legalAssistance'] })).toEqual({ stop: 'legalAssistance' });
    expect(eventDataOf({ '===': ['therapy', { var: 'event.stop' }] })).toEqual({ stop: 'therapy' });
    expect(eventDataOf({ and: [{ '==': [{ var: 'event.checkpoint' }, 'language'] }, { '==': [{ var: 'case.consents.nas.given' }, true] }] })).toEqual({
      checkpoint: 'language',
    });
  });

  it('needs no data for a guard that does not read the event, or no guard', () => {
    expect(eventDataOf(undefined)).toEqual({});
    expect(eventDataOf({ '==': [{ var: 'case.consents.nas.given' }, true] })).toEqual({});
  });

  it('gives up (no button) when the event data is read in a way a button cannot fill in', () => {
    expect(eventDataOf({ '>': [{ var: 'event.amount' }, 100] })).toBeNull();
    expect(eventDataOf({ or: [{ '==': [{ var: 'event.stop' }, 'a'] }, { '==': [{ var: 'event.stop' }, 'b'] }] })).toBeNull();
  });
});
