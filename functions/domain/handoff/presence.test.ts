import { createMemoryPresence } from "./presence.ts";
import { describePresenceContract } from "./presenceContract.ts";

describePresenceContract("in memory", async () => createMemoryPresence({ defaultMaxChats: 3 }));
