import type { Decider } from '../shared/decider';
import type { SubjectCommand } from './subject.commands';
import { decideSubject } from './subject.decide';
import type { SubjectEvent } from './subject.events';
import { evolveSubject } from './subject.evolve';
import { initialSubjectState, type SubjectState } from './subject.state';

export const subjectDecider: Decider<SubjectCommand, SubjectEvent, SubjectState> = {
  decide: decideSubject,
  evolve: evolveSubject,
  initialState: initialSubjectState,
};
