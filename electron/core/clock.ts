/** The core's one source of "now", so tests and the e2e host can fix or advance time. */
export interface Clock {
  now(): Date;
}
