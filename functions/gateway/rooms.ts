/** socket.io room holding every customer connection of one chat. */
export function chatRoom(chatId: string): string {
  return `chat:${chatId}`;
}
