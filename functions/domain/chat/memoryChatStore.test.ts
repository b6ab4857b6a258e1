import { describeChatStoreContract } from "./chatStoreContract.ts";
import { createMemoryChatStore } from "./memoryChatStore.ts";

describeChatStoreContract("in memory", async () => {
  const store = createMemoryChatStore();
  return { store, expire: async (now) => store.sweepExpired(now) };
});
