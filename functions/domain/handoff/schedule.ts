/** Runs `run` after `ms`; returns a function that cancels it. */
export type Schedule = (ms: number, run: () => void) => () => void;

/** setTimeout that does not keep the process alive. */
export const realSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
};
