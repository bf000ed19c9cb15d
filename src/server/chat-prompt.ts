// How chat messages become a prompt for octoplan's models: the format they were trained on,
// `<|user|>{text}<|end|>` per user turn, `<|assistant|>{text}<|end|>` per assistant turn, and a final
// `<|assistant|>` for the reply. System and developer messages are folded into the next user turn
// (the small models have no system role); tool messages are shown as observations.
// Deliberately left out: other chat templates (Jinja from the GGUF). Models trained here use this one.
import { ASSISTANT, END, OBSERVATION, USER } from "../plan/tokens.js";
import type { ChatMessageBody } from "./schemas.js";

export function messageText(message: ChatMessageBody): string {
  if (message.content === null) return "";
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => part.text).join("");
}

export function renderChatPrompt(messages: ChatMessageBody[]): string {
  let prompt = "";
  let pendingSystem: string[] = [];
  for (const message of messages) {
    const text = messageText(message);
    if (message.role === "system" || message.role === "developer") pendingSystem.push(text);
    else if (message.role === "user") {
      prompt += `${USER}${[...pendingSystem, text].join("\n\n")}${END}`;
      pendingSystem = [];
    } else if (message.role === "tool") prompt += `${OBSERVATION}${text}${END}`;
    else prompt += `${ASSISTANT}${text}${END}`;
  }
  if (pendingSystem.length > 0) prompt += `${USER}${pendingSystem.join("\n\n")}${END}`;
  return `${prompt}${ASSISTANT}`;
}
