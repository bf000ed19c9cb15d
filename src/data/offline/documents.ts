// The files on the simulated phone, as people name them: "the Q3 report", "my boarding pass",
// "John's CV". Each entry pairs a fragment of the real file name with a search query and the
// spoken names; entries whose file is missing from the world are dropped.
import { DOCUMENTS } from "../../functions/device/world/documents.js";

/** How people refer to a file, and the search query that finds it. */
export interface SpokenDocument {
  names: string[];
  query: string;
  path: string;
}

// [file name fragment, search query, spoken names…]
const DOCUMENT_NAMES: Array<[string, string, ...string[]]> = [
  ["Q3_financial_report", "Q3 financial report", "Q3 report", "Q3 financial report", "third quarter financial report", "quarterly report for Q3"],
  ["Q2_financial_report", "Q2 financial report", "Q2 report", "Q2 financials", "second quarter report"],
  ["annual_budget_2027", "annual budget", "annual budget", "2027 budget spreadsheet", "budget for next year"],
  ["marketing_strategy_2027", "marketing strategy", "marketing strategy deck", "marketing strategy presentation"],
  ["product_launch_presentation", "product launch presentation", "product launch presentation", "launch deck", "product launch slides"],
  ["investor_pitch_deck", "investor pitch deck", "pitch deck", "investor deck", "investor pitch"],
  ["sales_kickoff_slides", "sales kickoff slides", "sales kickoff slides", "kickoff deck"],
  ["invoice_acme_corp", "invoice acme", "Acme invoice", "invoice for Acme Corp"],
  ["invoice_globex", "invoice globex", "Globex invoice", "November invoice for Globex"],
  ["invoice_initech", "invoice initech", "Initech invoice", "September invoice"],
  ["resume_john_smith", "resume john smith", "John Smith's resume", "John's CV"],
  ["Maria_Garcia_CV", "Maria Garcia CV", "Maria Garcia's CV", "Maria's resume"],
  ["cover_letter_google", "cover letter google", "cover letter for Google", "Google cover letter"],
  ["boarding_pass_SFO_JFK", "boarding pass SFO JFK", "boarding pass", "boarding pass for New York", "SFO to JFK boarding pass"],
  ["boarding-pass-LHR-CDG", "boarding pass LHR CDG", "Paris boarding pass", "boarding pass for the Paris flight"],
  ["meeting_notes_2026-11-20", "meeting notes", "meeting notes", "notes from last week's meeting"],
  ["team_standup_notes", "standup notes", "standup notes", "team standup notes"],
  ["board_meeting_minutes_october", "board meeting minutes", "board meeting minutes", "minutes from the October board meeting"],
  ["project_phoenix_proposal", "project phoenix proposal", "Project Phoenix proposal", "project proposal", "Phoenix proposal"],
  ["employee_handbook_2026", "employee handbook", "employee handbook", "staff handbook"],
  ["apartment_lease_agreement", "lease agreement", "lease agreement", "apartment lease", "rental contract"],
  ["nda_contoso_signed", "nda contoso", "signed NDA", "Contoso NDA"],
  ["tax_return_2025", "tax return", "tax return", "2025 tax return", "taxes from last year"],
  ["medical_insurance_card", "insurance card", "insurance card", "medical insurance card", "health insurance card"],
  ["passport_scan", "passport scan", "passport scan", "scan of my passport"],
  ["wedding_guest_list", "wedding guest list", "wedding guest list", "guest list"],
  ["monthly_expenses_november", "expenses november", "November expenses", "expense sheet", "monthly expenses spreadsheet"],
  ["customer_survey_results", "customer survey results", "customer survey results", "survey results"],
  ["research_paper_draft", "research paper draft", "research paper draft", "draft of my paper"],
  ["thesis_final_version", "thesis final", "thesis", "final version of my thesis"],
  ["recipe_lasagna", "lasagna recipe", "lasagna recipe", "recipe for lasagna"],
  ["ProjectTimeline", "project timeline", "project timeline", "timeline for the project"],
  ["hotel_reservation_paris", "hotel reservation paris", "Paris hotel reservation", "hotel booking confirmation"],
  ["concert_tickets_coldplay", "coldplay tickets", "Coldplay tickets", "concert tickets"],
  ["car_rental_receipt", "car rental receipt", "car rental receipt", "rental car receipt"],
  ["amazon_order_receipt", "amazon receipt", "Amazon receipt", "Amazon order receipt"],
  ["user_manual_dishwasher", "dishwasher manual", "dishwasher manual", "user manual for the dishwasher"],
  ["family_vacation_hawaii", "hawaii vacation", "Hawaii vacation photo", "family photo from Hawaii"],
  ["whiteboard_brainstorm", "whiteboard brainstorm", "whiteboard photo", "brainstorm whiteboard picture"],
];

export const SPOKEN_DOCUMENTS: SpokenDocument[] = DOCUMENT_NAMES.flatMap(([fragment, query, ...names]) => {
  const document = DOCUMENTS.find((candidate) => candidate.path.includes(fragment));
  return document ? [{ names, query, path: document.path }] : [];
});
