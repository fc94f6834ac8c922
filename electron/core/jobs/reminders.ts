import type { DueComputer } from '../services/reminders/service.js';
import type { JobRunner } from './runner.js';

/**
 * The due list worked out in the job worker's read lane: at 100,000 items it takes over half a second,
 * which on the thread that answers IPC held up every call after each data change (bench/reminders-bench.ts).
 */
export function jobDueComputer(runner: JobRunner): DueComputer {
  return (today) => runner.run({ task: 'reminders.due', input: { today }, kind: 'reminders', ref: today, writes: false, channel: 'reminders:list' }).result;
}
