/**
 * The advisors' list of open callback requests, oldest first: a contact list (contactList.ts)
 * over `callbacks:list` and `callback:close`.
 */
import type { OpenCallbackItem } from "../../functions/contracts/protocol.ts";
import type { ConsoleClient } from "./consoleClient.ts";
import { contactList } from "./contactList.ts";

export type CallbackSource = Pick<ConsoleClient, "listCallbacks" | "closeCallback">;

export const callbacks = contactList<OpenCallbackItem, CallbackSource>(
  async (source, cursor) => {
    const ack = await source.listCallbacks(cursor);
    return ack.ok ? { ...ack, items: ack.callbacks } : ack;
  },
  (source, reference, note) => source.closeCallback(reference, note),
);
