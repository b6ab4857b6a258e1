import { describeContentStoreContract } from "./contentStoreContract.ts";
import { createMemoryContentStore } from "./memoryContentStore.ts";

describeContentStoreContract("in-memory", async (options) => createMemoryContentStore(options));
