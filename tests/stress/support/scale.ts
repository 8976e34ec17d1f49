/**
 * How much the stress suite does (docs/stress.md): the full run (`npm run test:stress`) or, with STRESS_SCALE=ci,
 * the reduced counts `npm test` runs in CI on two cores.
 */
export interface StressScale {
  name: "full" | "ci";
  /** SIGKILLs of the server, each followed by a restart over the same database. */
  kills: number;
  /** Jobs alive across the kills: some wait at a checkpoint, the others run. */
  killJobs: number;
  /** Concurrent skills.create calls. */
  creations: number;
  /** Live jobs.events subscribers of one job. */
  subscribers: number;
  /** Checkpoints answered by racing calls, and the calls per checkpoint. */
  racedCheckpoints: number;
  racersPerCheckpoint: number;
  /** Jobs run by the scripted model that fails 30 % of its calls. */
  faultJobs: number;
}

const FULL: StressScale = {
  name: "full",
  kills: 50,
  killJobs: 60,
  creations: 1_000,
  subscribers: 100,
  racedCheckpoints: 20,
  racersPerCheckpoint: 50,
  faultJobs: 60,
};

const CI: StressScale = {
  name: "ci",
  kills: 10,
  killJobs: 24,
  creations: 200,
  subscribers: 100,
  racedCheckpoints: 20,
  racersPerCheckpoint: 50,
  faultJobs: 20,
};

export const SCALE: StressScale = process.env.STRESS_SCALE === "ci" ? CI : FULL;
