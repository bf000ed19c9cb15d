// Email, text messages and the address book. Recipients may be given as an address or
// number, or as a contact's name (forgiving match); the state stores the resolved
// address, so "Sarah" and "sarah.chen@gmail.com" lead to the same outcome.
import { DeviceError } from "./errors.js";
import { resolveName } from "./match.js";
import type { SimulatedDevice } from "./simulated-device.js";
import type { Contact } from "./state.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function findContact(device: SimulatedDevice, functionName: string, name: string): Contact {
  const contact = resolveName(name, device.state.contacts, (candidate) => candidate.name);
  if (contact) return contact;
  throw new DeviceError(functionName, `no contact named "${name}"`, `Contacts include: ${device.state.contacts.slice(0, 8).map((candidate) => candidate.name).join(", ")}, … Use create_contact to add someone new.`);
}

export function sendEmail(device: SimulatedDevice, recipient: string, title: string, content: string): { sent: true; to: string; title: string } {
  let address = recipient.trim();
  if (!address.includes("@")) {
    const contact = findContact(device, "send_email", address);
    if (!contact.email) throw new DeviceError("send_email", `contact "${contact.name}" has no email address`, "Pass an email address as recipient.");
    address = contact.email;
  } else if (!EMAIL.test(address)) {
    throw new DeviceError("send_email", `"${recipient}" is not a valid email address`, 'Use an address like "name@example.com".');
  }
  if (title.trim() === "" && content.trim() === "") throw new DeviceError("send_email", "the email has neither a title nor content", "Give a subject line or a body.");
  device.state.sentEmails.push({ recipient: address, title, content, sentAt: device.state.now });
  return { sent: true, to: address, title };
}

function normalizePhone(phone: string): string | undefined {
  const digits = phone.trim().replace(/[\s().-]/g, "");
  return /^\+?\d{7,15}$/.test(digits) ? digits : undefined;
}

export function sendTextMessage(device: SimulatedDevice, contactName: string, message: string): { sent: true; to: string; phone: string } {
  if (message.trim() === "") throw new DeviceError("send_text_message", "the message is empty", "Pass the text to send as message.");
  const phone = normalizePhone(contactName);
  const contact = phone ? device.state.contacts.find((candidate) => candidate.phone === phone) : findContact(device, "send_text_message", contactName);
  const to = contact?.name ?? phone ?? contactName;
  const number = contact?.phone ?? phone ?? "";
  device.state.sentTexts.push({ contactName: to, phone: number, message, sentAt: device.state.now });
  return { sent: true, to, phone: number };
}

export function createContact(device: SimulatedDevice, name: string, phoneNumber: string): { created: string; phone: string } {
  const trimmed = name.trim();
  if (trimmed === "") throw new DeviceError("create_contact", "the name is empty", "Give the contact's full name.");
  const phone = normalizePhone(phoneNumber);
  if (!phone) throw new DeviceError("create_contact", `"${phoneNumber}" is not a phone number`, "Use 7 to 15 digits, preferably E.164 such as +14155550123.");
  const existing = device.state.contacts.find((contact) => contact.name.toLowerCase() === trimmed.toLowerCase());
  if (existing) throw new DeviceError("create_contact", `a contact named "${existing.name}" already exists (${existing.phone})`, "Use a different name, or message the existing contact.");
  device.state.contacts.push({ name: trimmed, phone });
  return { created: trimmed, phone };
}

