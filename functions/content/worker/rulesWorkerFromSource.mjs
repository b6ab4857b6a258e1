// The rules worker's entry when the service runs from TypeScript sources (npm start under
// tsx, vitest): Node 20 does not apply tsx's loader to worker threads, so it is registered
// here before the TypeScript entry loads (as trainingWorkerFromSource.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./rulesWorker.ts");
