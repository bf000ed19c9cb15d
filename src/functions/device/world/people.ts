// People and gadgets around the simulated phone. CONTACTS are in the address book;
// NEW_CONTACTS are not, so generated create_contact calls succeed.
import type { WorldBluetoothDevice, WorldCastDevice, WorldContact } from "./types.js";

export const CONTACTS: WorldContact[] = [
  { name: "Sarah Chen", phone: "+14155550132", email: "sarah.chen@gmail.com" },
  { name: "John Smith", phone: "+12125550187", email: "john.smith@outlook.com" },
  { name: "Maria Garcia", phone: "+13105550144", email: "maria.garcia@yahoo.com" },
  { name: "David Kim", phone: "+12065550119", email: "david.kim@acmecorp.com" },
  { name: "Emily Johnson", phone: "+16175550163", email: "emily.johnson@gmail.com" },
  { name: "Michael Brown", phone: "+13125550178", email: "m.brown@globex.com" },
  { name: "Priya Patel", phone: "+14085550121", email: "priya.patel@initech.com" },
  { name: "James Wilson", phone: "+17135550195", email: "jwilson@hotmail.com" },
  { name: "Olivia Martinez", phone: "+13055550102", email: "olivia.martinez@gmail.com" },
  { name: "Ahmed Hassan", phone: "+447700900123", email: "ahmed.hassan@proton.me" },
  { name: "Sophie Dubois", phone: "+33612345678", email: "sophie.dubois@orange.fr" },
  { name: "Lukas Müller", phone: "+4915123456789", email: "lukas.mueller@web.de" },
  { name: "Yuki Tanaka", phone: "+819012345678", email: "yuki.tanaka@docomo.ne.jp" },
  { name: "Carlos Rodriguez", phone: "+5215512345678", email: "carlos.rodriguez@gmail.com" },
  { name: "Aisha Okafor", phone: "+2348031234567", email: "aisha.okafor@gmail.com" },
  { name: "Robert Taylor", phone: "+14045550156", email: "rtaylor@contoso.com" },
  { name: "Jennifer Lee", phone: "+15035550171", email: "jennifer.lee@gmail.com" },
  { name: "Daniel Nguyen", phone: "+17145550139", email: "daniel.nguyen@icloud.com" },
  { name: "Laura Rossi", phone: "+393471234567", email: "laura.rossi@libero.it" },
  { name: "Thomas Anderson", phone: "+16465550110", email: "t.anderson@metacortex.com" },
  { name: "Hannah Schmidt", phone: "+4917612345678", email: "hannah.schmidt@gmx.de" },
  { name: "Kevin O'Brien", phone: "+353871234567", email: "kevin.obrien@eircom.net" },
  { name: "Fatima Al-Sayed", phone: "+971501234567", email: "fatima.alsayed@gmail.com" },
  { name: "Chris Evans", phone: "+13235550199", email: "chris.evans@gmail.com" },
  { name: "Rachel Green", phone: "+12125550111", email: "rachel.green@centralperk.com" },
  { name: "Wei Zhang", phone: "+8613812345678", email: "wei.zhang@qq.com" },
  { name: "Isabella Santos", phone: "+5511912345678", email: "isabella.santos@uol.com.br" },
  { name: "Mom", phone: "+14155550100", email: "linda.chen@gmail.com" },
  { name: "Dad", phone: "+14155550101", email: "richard.chen@gmail.com" },
  { name: "Dr. Patel Dental Office", phone: "+14155550177", email: "frontdesk@pateldental.com" },
];

/** People who are not in the address book yet (for create_contact). */
export const NEW_CONTACTS: Array<{ name: string; phone: string }> = [
  { name: "Benjamin Carter", phone: "+14155550222" },
  { name: "Grace Liu", phone: "+16505550233" },
  { name: "Noah Williams", phone: "+12125550244" },
  { name: "Chloe Bernard", phone: "+33698765432" },
  { name: "Mateo Fernandez", phone: "+34612345678" },
  { name: "Ava Thompson", phone: "+13125550255" },
  { name: "Ethan Wright", phone: "+17185550266" },
  { name: "Zoe Kowalski", phone: "+48501234567" },
  { name: "Ravi Sharma", phone: "+919812345678" },
  { name: "Nora Lindqvist", phone: "+46701234567" },
];

export const BLUETOOTH_DEVICES: WorldBluetoothDevice[] = [
  { name: "Sony WH-1000XM5 Headphones", kind: "headphones" },
  { name: "AirPods Pro", kind: "earbuds" },
  { name: "Galaxy Buds2 Pro", kind: "earbuds" },
  { name: "Bose QuietComfort 45", kind: "headphones" },
  { name: "Toyota Camry Car Audio", kind: "car" },
  { name: "Tesla Model 3", kind: "car" },
  { name: "Conference Room Projector", kind: "projector" },
  { name: "Epson Office Projector", kind: "projector" },
  { name: "HP OfficeJet Pro 9015 Printer", kind: "printer" },
  { name: "Canon PIXMA Home Printer", kind: "printer" },
  { name: "JBL Flip 6 Speaker", kind: "speaker" },
  { name: "Sonos Roam Speaker", kind: "speaker" },
  { name: "UE Boom 3 Speaker", kind: "speaker" },
  { name: "Galaxy Watch 6", kind: "watch" },
  { name: "Logitech MX Keys Keyboard", kind: "keyboard" },
  { name: "Logitech MX Master 3 Mouse", kind: "mouse" },
  { name: "Samsung Living Room TV", kind: "tv" },
];

export const CAST_DEVICES: WorldCastDevice[] = [
  { name: "Living Room TV", kind: "smart tv" },
  { name: "Bedroom TV", kind: "chromecast" },
  { name: "Kitchen Display", kind: "chromecast" },
  { name: "Basement Fire TV", kind: "fire tv" },
  { name: "Office Apple TV", kind: "apple tv" },
  { name: "Kids Room Roku", kind: "roku" },
];

/** Where print_document sends jobs when no printer is connected over Bluetooth. */
export const DEFAULT_PRINTER = "HP OfficeJet Pro 9015 Printer";
