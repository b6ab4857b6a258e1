import { createMemoryMissStore } from "./memoryMissStore.ts";
import { describeMissStoreContract } from "./missStoreContract.ts";

describeMissStoreContract("in-memory", async () => createMemoryMissStore());
