export * from './read-model';
export * from './subject-profile.document';
export * from './subject-profile';
export * from './subject-profile.keys';
export * from './subject-profile.queries';
export * from './topics';
export * from './contactability.reasons';
export * from './contactability.row';
export * from './contactability';
export * from './contactability.profiling';
export * from './contactability.check';
export * from './contactability.queries';
export * from './audiences';
export * from './consent-stats';
export * from './consent-stats.tally';
export * from './consent-stats.incremental';
export * from './expiry-queue';
export * from './consent-activity';
export * from './requests-due';
export * from './subject-picture';
export * from './open-requests';
export * from './dsr-requests';
export * from './consent-report';
export * from './consent-report.queries';

import type { ReadModel } from './read-model';
import { subjectProfileModel } from './subject-profile';
import { topicsModel } from './topics';
import { dsrRequestsModel } from './dsr-requests';
import { consentReportModel } from './consent-report';
import { consentActivityModel } from './consent-activity';

/** Every read model the runners keep; append new ones here. */
export const READ_MODELS: readonly ReadModel[] = [
  subjectProfileModel,
  topicsModel,
  dsrRequestsModel,
  consentReportModel,
  consentActivityModel,
];
