// The worker entry when the service runs from TypeScript sources (`npm start` under tsx,
// vitest). Node 20 does not apply `--import` loaders such as tsx's to worker threads
// (nodejs/node#47747), so tsx is registered here, inside the worker, before the TypeScript
// entry loads. A bundle starts recogniser-worker.mjs instead (see trainInWorker.ts).
import { register } from "tsx/esm/api";

register();
await import("./trainingWorker.ts");
