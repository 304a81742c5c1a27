/** gapreport's pure statistics: every function skips missing values and returns undefined when there is nothing to measure. */
export * from './alpha';
export * from './benchmark';
export * from './constants';
export * from './descriptive';
export * from './distributions';
export * from './kpi';
export * from './linear-algebra';
export * from './missing';
export * from './nps';
export * from './proportion';
export * from './regression';
export * from './servqual';
export * from './shapley';
export * from './special-functions';
export * from './tests';
