// The transport's floor: a bare socket.io server with the gateway's options that answers
// the customer protocol without storing or thinking. Same client load as the real service.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { CHAT_NAMESPACE, type ChatMessage } from "../functions/contracts/protocol.ts";
import { socketServerOptions } from "../functions/gateway/socketOptions.ts";
import { send, serveStatsOverIpc } from "./serverStats.ts";

type Ack = (response: object) => void;

const http = createServer();
const io = new Server(http, socketServerOptions());
let sequence = 0;
const nextId = () => `echo-${(++sequence).toString().padStart(12, "0")}`;

io.of(CHAT_NAMESPACE).on("connection", (socket) => {
  const chatId = `echo-chat-${socket.id}`;
  const say = (from: ChatMessage["from"], text: string, clientId?: string) => {
    const message: ChatMessage = {
      id: nextId(),
      chatId,
      from,
      text,
      at: new Date().toISOString(),
      ...(clientId ? { clientId } : {}),
    };
    socket.emit("chat:message", message);
    return message;
  };
  socket.on("chat:start", (_payload: unknown, ack: Ack) => {
    ack({ ok: true, chatId, resumeToken: "echo-resume-token", state: "bot" });
    socket.emit("chat:state", { chatId, state: "bot" });
    say("bot", "welcome");
    say("bot", "hours");
  });
  socket.on("chat:message", (payload: { text: string; clientId?: string }, ack: Ack) => {
    const mine = say("customer", payload.text, payload.clientId);
    ack({ ok: true, id: mine.id });
    say("bot", payload.text);
  });
  socket.on("chat:end", (_payload: unknown, ack: Ack) => {
    ack({ ok: true, surveyToken: "echo-survey-token" });
  });
  socket.on("survey:submit", (_payload: unknown, ack: Ack) => ack({ ok: true }));
});

http.listen(0, "127.0.0.1", () => {
  serveStatsOverIpc();
  send({ type: "ready", url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
});
