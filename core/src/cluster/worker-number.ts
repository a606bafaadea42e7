/** The environment variable through which `preau start --workers N` numbers its processes 1…N. */
export const WORKER_NUMBER_VARIABLE = 'PREAU_WORKER_NUMBER';

/** This process's number among `preau start --workers N`'s processes; 1 for a server started alone. */
export function workerNumber(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[WORKER_NUMBER_VARIABLE]);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

/** Whether this process is one of several started by `preau start --workers N`. */
export function isClusterWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[WORKER_NUMBER_VARIABLE] !== undefined;
}
