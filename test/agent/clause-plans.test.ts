// Clause plans: with the rules learnt from the offline teacher's plans (as `train` learns them), a clause the plan
// leaves out is planned alone and its steps written where they belong; a plan that leaves nothing out, steps of a
// function the clause does not support, and a function the plan already has for that clause are left alone. The
// clause planner here is the test's own function (what it would return is the point), not a model.
import { describe, expect, it } from "vitest";
import { withClausePlans, type ClausePlanRules } from "../../src/agent/clause-plans.js";
import { splitClauses } from "../../src/plan/clause-scope.js";
import { stepClausesReader } from "../../src/plan/clause-order.js";
import { learnGrounding } from "../../src/plan/learn-grounding.js";
import { plannerPrompt, plannerTarget } from "../../src/plan/planner-format.js";
import { androidPlannedRecord, seedRange } from "../plan/android-plans.js";

const TRAINING = seedRange(0, 12000).map(androidPlannedRecord);
const LEARNT = learnGrounding(TRAINING.map((record, index) => ({ id: String(index), prompt: plannerPrompt(record.query), target: plannerTarget(record.steps), functions: record.functions })), {});
const RULES: ClausePlanRules = { coverWords: new Set(LEARNT.coverWords), intentWords: LEARNT.intentWords!, clauseOrder: LEARNT.clauseOrder! };
const OPTIONS = { maxSteps: 5 };

/** A clause planner that answers from a table and records what it was asked. */
function clausePlanner(answers: Record<string, string[]>) {
  const asked: string[] = [];
  return { asked, planClause: async (clause: string) => { asked.push(clause); return answers[clause] ?? []; } };
}

describe("clause plans", () => {
  it("are learnt from the teacher's plans: the rules they read", () => {
    expect(RULES.intentWords.supports).toBeDefined();
    expect(RULES.clauseOrder.commonWords.length).toBeGreaterThan(0);
  });

  it("plan a clause the plan leaves out alone, and write its step where its clause is", async () => {
    const request = "connect my headphones, set the media volume to 3, and find lo-fi videos on YouTube";
    const planner = clausePlanner({ "connect my headphones": ["Connect to my headphones via Bluetooth"] });
    const plan = ["Set the media volume to 3", "Search YouTube for lo-fi videos"];
    expect(await withClausePlans(request, plan, RULES, { ...OPTIONS, ...planner }))
      .toEqual(["Connect to my headphones via Bluetooth", "Set the media volume to 3", "Search YouTube for lo-fi videos"]);
    expect(planner.asked).toEqual(["connect my headphones"]);
    // The same step, when the clause planner writes one of a function "connect my headphones" does not support.
    const wrong = clausePlanner({ "connect my headphones": ["Take a screenshot"] });
    expect(await withClausePlans(request, plan, RULES, { ...OPTIONS, ...wrong })).toEqual(plan);
    // Or when it would make more steps than the planner may write.
    expect(await withClausePlans(request, plan, RULES, { maxSteps: 2, ...planner })).toEqual(plan);
  });

  it("leave a plan that leaves nothing out as it is, and do not plan its clauses", async () => {
    const planner = clausePlanner({});
    const plan = ["Connect to my headphones via Bluetooth", "Set the media volume to 3"];
    expect(await withClausePlans("connect my headphones and set the media volume to 3", plan, RULES, { ...OPTIONS, ...planner })).toEqual(plan);
    expect(planner.asked).toEqual([]);
  });

  it("do not add a step of a function the plan already has for that clause", async () => {
    // "Check the weather forecast for London" is about "check the weather in Paris" (its intent word), however wrongly
    // it is written: the clause is planned, since the plan leaves "Paris" out, but its step is not added.
    const request = "check the weather in Paris and set the media volume to 3";
    const plan = ["Check the weather forecast for London", "Set the media volume to 3"];
    const planner = clausePlanner({ "check the weather in Paris": ["Check the weather forecast for Paris"] });
    expect(await withClausePlans(request, plan, RULES, { ...OPTIONS, ...planner })).toEqual(plan);
    expect(planner.asked).toEqual(["check the weather in Paris"]);
  });

  it("add a second step of a function only when the request's intent words ask for two", async () => {
    // "screenshot" is the intent word the teacher's plans count: two of them ask for two screenshots.
    const planner = clausePlanner({ "take a screenshot of the map": ["Take a screenshot of the map"] });
    const plan = ["Take a screenshot of the chat"];
    expect(await withClausePlans("take a screenshot of the map and take a screenshot of the chat", plan, RULES, { ...OPTIONS, ...planner }))
      .toEqual(["Take a screenshot of the map", "Take a screenshot of the chat"]);
    // "the weather in Paris and in Rome" asks for one weather step as the teacher's plans count it, which the plan has.
    const weather = clausePlanner({ "check the weather in Paris": ["Check the weather forecast for Paris"] });
    const rome = ["Check the weather forecast for Rome"];
    expect(await withClausePlans("check the weather in Paris and check the weather in Rome", rome, RULES, { ...OPTIONS, ...weather })).toEqual(rome);
    expect(weather.asked).toEqual(["check the weather in Paris"]);
  });

  it("put back most steps dropped from the teacher's plans, and change almost no whole plan", async () => {
    let dropped = 0;
    let restored = 0;
    let whole = 0;
    let changed = 0;
    for (const record of seedRange(400_000, 1500).map(androidPlannedRecord)) {
      const clauses = splitClauses(record.query);
      if (record.steps.length < 2 || clauses.length < 2) continue;
      const about = stepClausesReader(clauses, RULES.clauseOrder, RULES)(record.steps);
      // A step that is the only one about its clause, planned alone as that step.
      const index = about.findIndex((at) => at.length === 1 && about.filter((other) => other.length === 1 && other[0] === at[0]).length === 1);
      if (index < 0) continue;
      const clause = clauses[about[index]![0]!]!.text;
      const planner = clausePlanner({ [clause]: [record.steps[index]!] });
      whole++;
      if ((await withClausePlans(record.query, record.steps, RULES, { ...OPTIONS, ...planner })).join("|") !== record.steps.join("|")) changed++;
      const without = record.steps.filter((_, at) => at !== index);
      dropped++;
      if ((await withClausePlans(record.query, without, RULES, { ...OPTIONS, ...planner })).join("|") === record.steps.join("|")) restored++;
    }
    expect(dropped).toBeGreaterThan(300);
    expect(restored / dropped).toBeGreaterThan(0.6);
    expect(changed / whole).toBeLessThan(0.01);
  });
});
