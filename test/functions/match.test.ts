import { describe, expect, it } from "vitest";
import { rankMatches, resolveName, tokenize, WORLD } from "../../src/functions/index.js";

const paths = WORLD.documents.map((document) => document.path);
const search = (query: string) => rankMatches(query, paths, (path) => path);

describe("forgiving search", () => {
  it("tokenizes file names: extensions, separators, camelCase, stop words and plurals", () => {
    expect(tokenize("/storage/documents/Q3_financial_report.pdf")).toEqual(["q3", "financial", "report"]);
    expect(tokenize("ProjectTimeline.pdf")).toEqual(["project", "timeline"]);
    expect(tokenize("find my boarding-passes and invoices")).toEqual(["boarding", "pass", "invoice"]);
    expect(tokenize("the of a")).toEqual([]);
  });

  it("finds files from loose queries, best first, capped at 3", () => {
    expect(search("Q3 report")[0]).toBe("/storage/documents/Q3_financial_report.pdf");
    expect(search("q3 REPORT.PDF")[0]).toBe("/storage/documents/Q3_financial_report.pdf");
    expect(search("project timeline")[0]).toBe("/storage/documents/ProjectTimeline.pdf");
    expect(search("boarding pass LHR")[0]).toBe("/storage/documents/boarding-pass-LHR-CDG.pdf");
    expect(search("invoices")).toHaveLength(3);
    expect(search("invoices").every((path) => path.includes("invoice"))).toBe(true);
    expect(search("Maria's CV")[0]).toBe("/storage/documents/Maria_Garcia_CV.docx");
    expect(search("presentation")[0]).toBe("/storage/documents/product_launch_presentation.pptx");
    expect(search("the")).toEqual([]);
  });

  it("ranks deterministically: ties keep catalogue order, shorter names win", () => {
    expect(search("financial report")).toEqual(["/storage/documents/Q3_financial_report.pdf", "/storage/documents/Q2_financial_report.pdf"]);
    expect(rankMatches("report", ["a_report_extra_words.pdf", "report.pdf"], (path) => path)).toEqual(["report.pdf", "a_report_extra_words.pdf"]);
  });

  it("resolves names exactly first, then forgivingly", () => {
    const names = WORLD.contacts.map((contact) => contact.name);
    expect(resolveName("sarah chen", names, (name) => name)).toBe("Sarah Chen");
    expect(resolveName("Sarah", names, (name) => name)).toBe("Sarah Chen");
    expect(resolveName("Gandalf", names, (name) => name)).toBeUndefined();
  });
});
