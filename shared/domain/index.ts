/** The support domain: tickets, people, customers, escalations, sessions, and the stage flow. */
export * from './cadence';
export * from './customer';
export * from './escalation';
export * from './flow';
export * from './people';
export * from './remote-session';
export * from './ticket';
export * from './time';
export * from './time-text';
export * from './ticket-labels';
export * from './team';
export * from './templates';
export * from './validation';
