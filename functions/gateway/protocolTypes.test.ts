import type { DefaultEventsMap, Socket } from "socket.io";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import type { Lang } from "../contracts/lang.ts";
import {
  type AdvisorToServerEvents,
  type ChatStartResult,
  type CustomerToServerEvents,
  chatLanguageSchema,
  chatStartSchema,
  type ServerToCustomerEvents,
  typingSchema,
} from "../contracts/protocol.ts";
import { createLogger } from "../observability/logger.ts";
import { handleEvent } from "./acks.ts";

// Type-level tests: `npx tsc --noEmit` (the CI type check) compiles this file, and every
// `@ts-expect-error` below fails the build if the line under it stops being an error. At
// run time the handlers are only built, never registered.

type CustomerSocket = Socket<
  CustomerToServerEvents,
  ServerToCustomerEvents,
  DefaultEventsMap,
  { chatId?: string }
>;

const context = { logger: createLogger("silent") };

/** Registers handlers the way chatNamespace.ts does; compiled, not called. */
function register(socket: CustomerSocket) {
  socket.on(
    "chat:language",
    handleEvent(context, "chat:language", chatLanguageSchema, async (payload, ack) => {
      expectTypeOf(payload).toEqualTypeOf<{ lang: Lang }>();
      expectTypeOf(ack).parameter(0).toEqualTypeOf<{ lang: Lang }>();
      ack({ lang: payload.lang });
    }),
  );

  socket.on(
    "chat:language",
    handleEvent(context, "chat:language", chatLanguageSchema, async (_payload, ack) => {
      // @ts-expect-error the ack of chat:language carries `lang`, not `language`
      ack({ language: 42 });
    }),
  );

  socket.on(
    "chat:start",
    handleEvent(context, "chat:start", chatStartSchema, async (_payload, ack) => {
      expectTypeOf(ack).parameter(0).toEqualTypeOf<ChatStartResult>();
      // @ts-expect-error chat:start's ack needs the chat id, resume token and state
      ack({ chatId: "c1" });
    }),
  );

  socket.on(
    "chat:language",
    // @ts-expect-error chat:language is not validated with the typing schema
    handleEvent(context, "chat:language", typingSchema, async (_payload, ack) => ack({})),
  );
}

describe("the protocol's types", () => {
  it("tie each socket handler's payload and ack to its event name", () => {
    expectTypeOf(register).toBeFunction();
  });

  it("take each event's payload from the schema the gateway validates it with", () => {
    expectTypeOf<Parameters<CustomerToServerEvents["chat:language"]>[0]>().toEqualTypeOf<
      z.input<typeof chatLanguageSchema>
    >();
    expectTypeOf<Parameters<AdvisorToServerEvents["chat:typing"]>[0]>().toEqualTypeOf<{
      chatId: string;
      typing: boolean;
    }>();
  });
});
