import { describe, expect, it } from "vitest";
import { followUpSignals, leansOnHistory } from "../../../src/conversation/follow-up-signals.js";
import { coreOf } from "../../../src/conversation/follow-up-reading.js";
import { rewriteOffline, scopedToConversation } from "../../../src/conversation/rewrite-offline.js";
import { CEASEFIRE, COLLAPSED, DEMANDS, MEDIATED, MUJAHID, SAMAD, turn } from "./fixtures.js";

const mediated = [turn("Who mediated the talks?", [MEDIATED])];

/** Questions that need nothing from the conversation: they must reach retrieval exactly as asked. */
const STANDALONE = [
  "Who mediated the talks?",
  "Where were the talks held?",
  "How many days did the negotiations last?",
  "What did Omar Samad say about Pakistan's commitment?",
  "Which news outlet reported the Afghan delegation's pledge?",
  "What did the withdrawal reflect?",
  "Who arranged the temporary ceasefire?",
  "What did Pakistan's Defence Minister warn before the Istanbul talks?",
  "Did Pakistan accept the Afghan delegation's conditions?",
  "What policy does the Islamic Emirate follow?",
  "Why did the Pakistani side walk out of the discussions?",
  "Is it true that the talks collapsed?",
  "What did Mohammad Nabi Omari say about his country's policy?",
  "Who said that Pakistan misuses the term terrorism?",
  "What is the capital of Australia?",
  "How did Afghanistan respond to Khawaja Muhammad Asif's warning?",
];

describe("offline follow-up rewrite", () => {
  it.each(STANDALONE)("never rewrites a question that stands on its own: %s", (question) => {
    expect(leansOnHistory(followUpSignals(question))).toBe(false);
    for (const history of [mediated, [turn("Who questioned Pakistan's commitment?", [SAMAD])]]) {
      expect(rewriteOffline(question, history)).toEqual({ question, rewritten: false });
    }
  });

  it("reads a question that names nothing as about the conversation's subject, only when asked for that reading", () => {
    const levee = [turn("How much will the state pay toward the Calder River levee?", ["The state has promised to cover 40 percent of the levee project's cost."], "riverton")];
    expect(rewriteOffline("how much has arrived?", levee)).toEqual({ question: "how much has arrived?", rewritten: false });
    expect(scopedToConversation("how much has arrived?", levee)).toEqual({
      question: "how much has arrived? (context: Calder, River, state, pay, toward, levee)",
      rewritten: true,
      preferredReportId: "riverton",
    });
    // A question that names what it is about needs no conversation.
    expect(scopedToConversation("How much has Dunmore spent?", levee)).toBeUndefined();
    expect(scopedToConversation("how much has arrived?", [])).toBeUndefined();
  });

  it("carries no figure of the previous answer's sentence, the fact it already gave, which would find that sentence again", () => {
    const obituary = [turn("Who was Peggy Ainsworth?", ["Peggy Ainsworth, the midwife who became Pellbridge's first woman mayor, dies at 94"], "obituary")];
    expect(rewriteOffline("when was she born?", obituary).question).toBe("When was Peggy Ainsworth born? (context: Pellbridge, midwife, became, first, woman, mayor)");
    // A figure the previous question used is kept: it says which thing was asked about.
    expect(rewriteOffline("and who paid?", [turn("How many homes flooded in 2024?", ["About 300 homes flooded along the east bank."])]).question).toBe(
      "Who paid? (context: 2024, homes, flooded, along, east, bank)",
    );
  });

  it("leaves any question alone when there is no history", () => {
    expect(rewriteOffline("How long did they last?", [])).toEqual({ question: "How long did they last?", rewritten: false });
  });

  it("carries the talks forward into 'they', with the previous turn's words when the follow-up has too few", () => {
    const reading = rewriteOffline("How long did they last?", mediated);
    expect(reading.rewritten).toBe(true);
    expect(reading.question).toMatch(/^How long did the talks last\? \(context: Turkish, Qatari, mediated/);
    expect(reading.preferredReportId).toBe("afghanistan-pakistan-istanbul-talks");
  });

  it("reads 'he' after 'Who is <name>?' as that person, not one the answer happened to name, nor a byline or a place", () => {
    const brandt = [turn("Who is Tomas Brandt?", ["GENEVA, Nov. 24 (Continental Press) - By Halima Oduya Ilescu", "Tomas Brandt, who studies regional security in Hamburg, said the deal bought time."])];
    expect(coreOf(rewriteOffline("what did he say about the deal", brandt).question)).toBe("What did Tomas Brandt say about the deal");
    // The words carried come from the cited sentence that answered "Who is Tomas Brandt?", not the byline cited with it.
    expect(rewriteOffline("what did he say?", brandt).question).toMatch(/^What did Tomas Brandt say\? \(context: Hamburg,/);
    const ruiz = [turn("Who is Alma Ruiz?", ["Alma Ruiz, 67, was carried from her flat at 6 Mill Lane."])];
    expect(rewriteOffline("What did she hear first?", ruiz).question).toBe("What did Alma Ruiz hear first?");
    const scorer = [turn("In which minute did Harlow score?", ["A crowd at Westfield Stadium saw Harlow take the lead."])];
    expect(rewriteOffline("how old is he", scorer).question).not.toMatch(/Westfield Stadium/);
  });

  it("carries the previous turn's words when a pronoun finds nobody to stand for, however many words the follow-up has", () => {
    expect(rewriteOffline("What did she say about the trial's funding?", [turn("Who led the soil study?")]).question).toMatch(
      /^What did she say about the trial's funding\? \(context: led, soil, study\)$/,
    );
  });

  it("after a 'who' question that found no answer, takes nobody from the passages it showed: they were not claimed", () => {
    const shown = { ...turn("Who is Riverton's finance director?"), related: turn("x", ["Finance director Omar Castellanos told the council costs were rising."]).citations };
    expect(rewriteOffline("what did he tell the council?", [shown]).question).toMatch(/^What did he tell the council\? \(context:/);
  });

  it("reads 'he' after 'Who is <name>?' as that person, but after 'Who was <name> replaced by?' as the answer", () => {
    const brandt = [turn("Who was Tomas Brandt replaced by?", ["Brandt was replaced by Karl Weiss, the bank's finance chief."])];
    expect(rewriteOffline("How old is he?", brandt).question).toMatch(/^How old is Karl Weiss\?/);
    expect(rewriteOffline("How old is he?", [turn("Who is Tomas Brandt?", ["Tomas Brandt is the bank's chairman."])]).question).toMatch(/^How old is Tomas Brandt\?/);
  });

  it("carries the previous turn's words when the follow-up as typed has too few of its own, pronouns resolved or not", () => {
    const chair = [turn("Who chairs the Harrowmark Energy Board?", ["Peter Anselm chairs the Harrowmark Energy Board."], "grid")];
    expect(rewriteOffline("what did he say?", chair).question).toMatch(/^What did Peter Anselm say\? \(context: Harrowmark, Energy, Board/);
    expect(rewriteOffline("what did he say about the winter outages?", chair).question).toBe("What did Peter Anselm say about the winter outages?");
  });

  it("finds the person a 'who' question's answer named, for 'he' and 'his'", () => {
    const samad = [turn("Who questioned Pakistan's commitment to reconciliation?", [SAMAD])];
    expect(rewriteOffline("What was his previous post?", samad).question).toBe("What was Omar Samad’s previous post?");
    const mujahid = [turn("Who is Afghanistan's Defence Minister?", [MUJAHID])];
    expect(rewriteOffline("What did he argue about the term terrorism?", mujahid).question).toBe(
      "What did Mawlawi Mohammad Yaqoob Mujahid argue about the term terrorism?",
    );
  });

  it("reads 'they' as the previous question's plural phrase, else its subject, not a name inside a phrase", () => {
    expect(rewriteOffline("Did they reach any agreement?", [turn("What was the aim of the Istanbul talks?")]).question).toBe("Did the Istanbul talks reach any agreement?");
    expect(rewriteOffline("What did they demand in return?", [turn("What did the Afghan delegation pledge?")]).question).toBe(
      "What did the Afghan delegation demand in return?",
    );
    expect(coreOf(rewriteOffline("Why did they walk out?", [turn("How did Pakistan respond to the Afghan delegation?")]).question)).toBe("Why did Pakistan walk out?");
    // A singular phrase of the last turn ("the line") gives way to a name of an earlier one.
    const northgate = [turn("What did Northgate say after the ruling?"), turn("How much of the line has been cleared?")];
    expect(rewriteOffline("will they appeal to the Supreme Court?", northgate).question).toBe("Will Northgate appeal to the Supreme Court?");
    // With none, "they" is left pointing back: the line is not "they".
    expect(rewriteOffline("will they appeal?", [turn("How much of the line has been cleared?")]).question).toMatch(/^Will they appeal\? \(context: /);
    // A body of people is "they" though its noun is singular.
    expect(coreOf(rewriteOffline("will they appeal?", [turn("What did the council decide?")]).question)).toBe("Will the council appeal?");
  });

  it("never reads 'they' who act as a place, and after a 'who' question whose answer named nobody, reads them as whom it asked about", () => {
    const striking = [turn("Who is striking in Hollinsford?")];
    expect(coreOf(rewriteOffline("What do they want?", striking).question)).toBe("What do those who are striking in Hollinsford want?");
    const drivers = [turn("Who is striking in Hollinsford?", ["Tram and bus drivers in Hollinsford will walk out for 48 hours from 4 a.m. on Monday."], "tram")];
    expect(coreOf(rewriteOffline("What do they want?", drivers).question)).not.toMatch(/What do Hollinsford/);
    expect(coreOf(rewriteOffline("How did they vote?", [turn("Who walked out at Brennock?")]).question)).toBe("How did those who walked out at Brennock vote?");
    expect(coreOf(rewriteOffline("What did they say?", [turn("Who runs the Hollinsford trams?")]).question)).toBe("What did those who run the Hollinsford trams say?");
    expect(coreOf(rewriteOffline("What did they say?", [turn("What happened on the Thames?")]).question)).not.toMatch(/the Thames say/);
    // The word after "who" must be its verb: "Who else was arrested?" has none there, and is not "those who else …".
    for (const asked of ["Who else was arrested?", "Who exactly won the cup?", "Who then took over?"]) {
      expect(rewriteOffline("What did they say?", [turn(asked)]).question, asked).toMatch(/^What did they say\?/);
    }
    expect(coreOf(rewriteOffline("What did they say?", [turn("Who took over?")]).question)).toBe("What did those who took over say?");
    // "Who is the mayor?" asks who one person is, not who did something: "they" are not "those who is the mayor".
    expect(rewriteOffline("What did they say?", [turn("Who is the mayor?")]).question).toMatch(/^What did they say\? \(context: /);
    // "on" before a bare name is whom something was done to, who may respond: not a place.
    expect(coreOf(rewriteOffline("How did they respond?", [turn("Who called on Pakistan to act?")]).question)).toBe("How did Pakistan respond?");
    expect(coreOf(rewriteOffline("How did they respond?", [turn("What pressure was put on Israel?")]).question)).toBe("How did Israel respond?");
    // A body's noun after "in" still says it is people; a place that does not act may still be "they" (where they live).
    expect(coreOf(rewriteOffline("How did they vote?", [turn("What was debated in Parliament?")]).question)).toBe("How did Parliament vote?");
  });

  it("reads 'they' as a body named after 'the' that acts as plural, whatever the verb, but not as a thing so named", () => {
    const demanded = [turn("What did the Taliban demand?")];
    expect(coreOf(rewriteOffline("What did they say?", demanded).question)).toBe("What did the Taliban say?");
    expect(coreOf(rewriteOffline("where are they based?", demanded).question)).toBe("Where are the Taliban based?");
    expect(coreOf(rewriteOffline("How did they respond?", [turn("What did the Civic Alliance promise?")]).question)).toBe("How did the Civic Alliance respond?");
    expect(coreOf(rewriteOffline("What did they say?", [turn("Who won the National Cup?")]).question)).toBe("What did those who won the National Cup say?");
    expect(coreOf(rewriteOffline("How did they respond?", [turn("Why did the Kremlin reject the offer?")]).question)).toBe("How did the Kremlin respond?");
    // A name so written may as well be a thing's, a law's or a ship's: it is a body only where the question has it do
    // what people do, and "they" is otherwise left pointing back, not "When do the Act take effect?".
    for (const [asked, follow] of [["What did the Act change?", "When do they take effect?"], ["What did the Bill propose?", "When do they vote?"], ["What happened to the Titanic?", "When did they find it?"]]) {
      expect(coreOf(rewriteOffline(follow!, [turn(asked!)]).question), asked).not.toMatch(/the (?:Act|Bill|Titanic) (?:take|vote|find)/);
    }
  });

  it("never reads 'they' as a singular phrase holding a name, nor two pronouns as one thing, and reads a phrase's number before its place", () => {
    // "them" is not "the Vantora breach", nor "the regulator" that "it" stands for: it is left pointing back.
    const breach = [turn("What is the regulator doing about the Vantora breach?")];
    expect(rewriteOffline("what's the most it can fine them?", breach).question).toMatch(/^What's the most the regulator can fine them\? \(context: Vantora/);
    const rocket = [turn("What was the Skylark-2 rocket carrying?")];
    expect(rewriteOffline("who were they built for", rocket).question).toMatch(/^Who were they built for \(context: /);
    const roof = [turn("What time did the roof come down at Brennock?")];
    expect(rewriteOffline("and when did they get the first guy out?", roof).question).toMatch(/^When did they get the first guy out\? \(context: /);
    // "the talks in Istanbul" are talks: plural, so still "they".
    expect(coreOf(rewriteOffline("How long did they last?", [turn("Who mediated the talks in Istanbul?")]).question)).toBe("How long did the talks in Istanbul last?");
  });

  it("reads 'after that' as after what happened, never after the figure the previous answer gave", () => {
    const lasted = [...mediated, { ...turn("How long did they last?", [COLLAPSED]), standaloneQuestion: "How long did the talks last?" }];
    // No answer named a man: "he" is left pointing back, not guessed.
    expect(coreOf(rewriteOffline("And what did he say after that?", lasted).question)).toBe("What did he say after the talks?");
    // Nor after someone: "after that" after "Who is Mujahid?" is not "after Mujahid".
    expect(coreOf(rewriteOffline("What did he do after that?", [turn("Who is Mujahid?", [MUJAHID])]).question)).toBe("What did Mawlawi Mohammad Yaqoob Mujahid do after that?");
    expect(coreOf(rewriteOffline("What did he do after that?", [turn("Who is Afghanistan's Defence Minister?", [MUJAHID])]).question)).toBe("What did Mawlawi Mohammad Yaqoob Mujahid do after that?");
    // Nor after a name when no answer said who it is, nor after a country: an event is said with a phrase ("the talks").
    expect(rewriteOffline("What did he do after that?", [turn("Who is Mujahid?")]).question).toMatch(/^What did he do after that\? \(context: Mujahid\)$/);
    expect(rewriteOffline("What happened after that?", [turn("When did Pakistan walk out?")]).question).toMatch(/^What happened after that\? \(context: Pakistan, walk\)$/);
    expect(coreOf(rewriteOffline("What happened after that?", [turn("Who arranged the ceasefire in Istanbul?")]).question)).toBe("What happened after the ceasefire in Istanbul?");
    // "Was that a record?" still asks about the figure.
    expect(coreOf(rewriteOffline("Was that a record?", lasted).question)).toBe("Was the four days a record?");
  });

  it("never reads 'they' as a figure or a date, nor as something that cannot act when they respond, say or vote", () => {
    const afterFigure = [...mediated, { ...turn("And what did he say after that?"), standaloneQuestion: "What did he say after the four days?" }];
    // The mediators, named by the answer to "Who mediated the talks?", are who can respond; not "the four days", not "the talks".
    expect(coreOf(rewriteOffline("How did they respond?", afterFigure).question)).toBe("How did the Turkish and Qatari officials respond?");
    expect(coreOf(rewriteOffline("What did they say?", mediated).question)).toBe("What did the Turkish and Qatari officials say?");
    const responded = [...afterFigure, { ...turn("How did they respond?"), standaloneQuestion: "How did the Turkish and Qatari officials respond?" }];
    expect(coreOf(rewriteOffline("What did they say?", responded).question)).toBe("What did the Turkish and Qatari officials say?");
    // Talks last, and are held: "they" is still the talks where the verb is not one only people do.
    expect(coreOf(rewriteOffline("Where were they held?", afterFigure).question)).toBe("Where were the talks held?");
    // Nobody who can act: "they" is left pointing back.
    expect(rewriteOffline("did they agree?", [turn("How long did the talks last?", [COLLAPSED])]).question).toMatch(/^Did they agree\? \(context: /);
    expect(coreOf(rewriteOffline("will they appeal?", [turn("What did the council decide?")]).question)).toBe("Will the council appeal?");
    // A number in a name is no figure: "the Kestrel 3 launch" stays one singular phrase, neither "they" nor its name.
    expect(rewriteOffline("what did their boss say?", [turn("What went wrong with the Kestrel 3 launch?")]).question).toMatch(/^What did their boss say\? \(context: /);
  });

  it("reads a thing that has a figure as what a pronoun stands for, unlike a figure alone", () => {
    expect(coreOf(rewriteOffline("How did they vote?", [turn("What did the 12 members decide?")]).question)).toBe("How did the 12 members vote?");
    expect(coreOf(rewriteOffline("Who pays it?", [turn("How much is the 5 percent levy?")]).question)).toBe("Who pays the 5 percent levy?");
    expect(coreOf(rewriteOffline("When will it fly again?", [turn("Why was the 737 Max grounded?")]).question)).toBe("When will the 737 Max fly again?");
  });

  it("reads 'they' who act as any name or body of people, and 'they' who say as a text too", () => {
    // A capitalised noun after "the" is a name; a plural of a body of people is bodies of them.
    expect(coreOf(rewriteOffline("How did they respond?", [turn("What did the regulators find?")]).question)).toBe("How did the regulators respond?");
    expect(coreOf(rewriteOffline("How did they respond?", [turn("What did the ministries announce?")]).question)).toBe("How did the ministries respond?");
    expect(coreOf(rewriteOffline("How did they respond?", [turn("What did the Pakistani diplomats propose?")]).question)).toBe("How did the Pakistani diplomats respond?");
    // Rules say, claim and warn, but never respond.
    expect(coreOf(rewriteOffline("What did they say?", [turn("Who wrote the new rules?")]).question)).toBe("What did the new rules say?");
    expect(coreOf(rewriteOffline("What do they say about fines?", [turn("When do the new regulations take effect?")]).question)).toBe("What do the new regulations say about fines?");
    // Those who wrote them do.
    expect(coreOf(rewriteOffline("How did they respond?", [turn("Who wrote the new rules?")]).question)).toBe("How did those who wrote the new rules respond?");
  });

  it("reads 'they' after a 'who' answer as the name, with a plural noun only when one follows it", () => {
    const funded = [turn("Who funded the study?", ["The study was funded by Agrivane this year, and published in March."])];
    expect(coreOf(rewriteOffline("Did they respond?", funded).question)).toBe("Did Agrivane respond?");
    expect(coreOf(rewriteOffline("What did they say?", [turn("Who arranged the ceasefire?", ["The ceasefire was arranged by Qatar as talks stalled."])]).question)).toBe("What did Qatar say?");
  });

  it("swaps only the owner when an elliptic question is a possessive", () => {
    expect(rewriteOffline("and Pakistan's?", [turn("Who is Afghanistan's Defence Minister?", [MUJAHID])]).question).toMatch(/^Who is Pakistan's Defence Minister\?/);
  });

  it("reads 'it' as the singular thing the previous question asked about", () => {
    const ceasefire = [turn("Who arranged the temporary ceasefire?", [CEASEFIRE])];
    expect(coreOf(rewriteOffline("When was it arranged?", ceasefire).question)).toBe("When was the temporary ceasefire arranged?");
    // "it" is no person: after "What did the finance minister offer …?" it is what he offered.
    expect(rewriteOffline("did it work?", [turn("What did the finance minister offer to win over the rebels?")]).question).toBe(
      "Did what the finance minister offered to win over the rebels work?",
    );
    // The report writes "credit-monitoring service": "monitoring" is part of the thing, not a verb after it.
    const monitoring = [turn("is the credit monitoring free?", ["sign up for the free 12-month credit-monitoring service from Clearmark."], "breach")];
    expect(coreOf(rewriteOffline("what do consumer groups make of it?", monitoring).question)).toBe("What do consumer groups make of the credit monitoring?");
    // Written together in the answer, "public meeting" is the thing, whole, though a verb follows it in the question.
    const meeting = [turn("When will the public meeting come?", ["The first results are expected on Friday, and a public meeting will be held at the Corn Exchange on 9 October."], "harbour")];
    expect(coreOf(rewriteOffline("Where will it be held?", meeting).question)).toBe("Where will the public meeting be held?");
  });

  it("reads a possessive as the pronoun the question already used: 'they' and 'their' are the same people", () => {
    const rounds = [turn("Who mediated the talks?", [MEDIATED]), turn("How many rounds did they hold?", ["They held four rounds."])];
    // "their" alone took the rounds the last question counted: "… about the rounds’ role?".
    expect(coreOf(rewriteOffline("What did they say about their role?", rounds).question)).toBe(
      "What did the Turkish and Qatari officials say about the Turkish and Qatari officials’ role?",
    );
  });

  it("fills an elliptic question in from the previous one", () => {
    const demands = [turn("What did the Afghan delegation demand?", [DEMANDS])];
    expect(coreOf(rewriteOffline("And Pakistan?", demands).question)).toBe("What did Pakistan demand?");
    // The subject it typed is what its answer must say (`saysEllipsisSubject`); a pronoun's reading has none.
    expect(rewriteOffline("And Pakistan?", demands).ellipsisSubject).toBe("Pakistan");
    expect(rewriteOffline("What did they demand?", demands).ellipsisSubject).toBeUndefined();
    expect(coreOf(rewriteOffline("What about the ceasefire?", mediated).question)).toBe("Who mediated the ceasefire?");
    // A name after "the" is still a name: it takes the name's place, not the counted "seats".
    const seats = [turn("How many seats did the Civic Alliance win on the council?")];
    expect(rewriteOffline("and the Greens?", seats).question).toBe("How many seats did the Greens win on the council?");
  });

  it("reads 'they' as what the previous question counted, or who answered a 'who' question, when no phrase or name offers", () => {
    expect(rewriteOffline("and how were they split up", [turn("How many plots were in the soil trial?")]).question).toMatch(/^How were the plots split up/);
    expect(coreOf(rewriteOffline("where do they get their water from", [turn("How many people live in Dunmore?")]).question)).toBe("Where do Dunmore get Dunmore’s water from");
    const funded = [turn("Who funded part of the soil study?", ["Part of the cost was met by Agrivane, a seed company."], "soil")];
    expect(coreOf(rewriteOffline("did they have a say in the results?", funded).question)).toBe("Did Agrivane have a say in the results?");
  });

  it("reads 'of them' as what the previous question counted, and an elliptic common noun in its place", () => {
    const injured = [turn("How many people were injured in the flood?")];
    expect(rewriteOffline("how many of them went to hospital", injured).question).toBe("How many of the people went to hospital");
    expect(coreOf(rewriteOffline("and animals?", [turn("How many people stayed in the shelters?")]).question)).toBe("How many animals stayed in the shelters?");
    // A measure is not counted, nor does it take another phrase's place ("How many the turnout did …", "How many seats
    // did the turnout win?"): it is left to the previous turn's words.
    const seats = [turn("How many seats did the Civic Alliance win?")];
    expect(rewriteOffline("and the turnout?", seats).question).toMatch(/^and the turnout\? \(context: Civic, Alliance, seats, win\)$/);
    expect(rewriteOffline("and the cost?", injured).question).toMatch(/^and the cost\? \(context: /);
  });

  it("reads 'that' identifying someone after a 'who' question as the person the answer named, or as nobody", () => {
    const named = [turn("Who voted against the Riverton budget?", ["Councillor Marcus Bell cast the only vote against the plan."], "riverton")];
    expect(coreOf(rewriteOffline("which ward is that?", named).question)).toBe("Which ward is Councillor Marcus Bell?");
    expect(coreOf(rewriteOffline("And who is that?", named).question)).toBe("Who is Councillor Marcus Bell?");
    // Nobody found: "that" is left pointing back, with the conversation's words, rather than read as the budget.
    expect(rewriteOffline("which ward is that?", [turn("Who voted against the Riverton budget?")]).question).toMatch(/^Which ward is that\? \(context: Riverton/);
    // "When was that?" asks when what the previous question was about happened.
    expect(rewriteOffline("When was that?", named).question).toMatch(/^When was the Riverton budget\?/);
  });

  it("reads 'that' standing alone as what the previous question was about, and still carries context", () => {
    expect(rewriteOffline("Who brokered the truce after that?", mediated).question).toMatch(/^Who brokered the truce after the talks\? \(context: Turkish, Qatari/);
    expect(rewriteOffline("When was that?", [turn("Who arranged the temporary ceasefire?")]).question).toMatch(/^When was the temporary ceasefire\?/);
    // After "What did … demand?" it is what was demanded, the answer, not the delegation.
    expect(rewriteOffline("How did Pakistan respond to that?", [turn("What did the Afghan delegation demand from Islamabad?")]).question).toMatch(
      /^How did Pakistan respond to what the Afghan delegation demanded from Islamabad\?/,
    );
    const review = [turn("What did the 2021 review recommend?"), turn("How much would that cost?")];
    review[1]!.standaloneQuestion = "How much would what the 2021 review recommended cost?";
    expect(rewriteOffline("how many stations had done it?", review).question).toMatch(/^How many stations had done the 2021 review\?/);
    // Before its noun it points back without standing for anything: only context helps.
    expect(rewriteOffline("Who rejected that demand?", [turn("What did Pakistan ask Kabul to do?")]).question).toMatch(/^Who rejected that demand\? \(context: Pakistan, Kabul/);
  });

  it("reads 'that' after a question that asked for a figure as the figure its answer gave, in the sentence holding the answer", () => {
    const attended = [turn("How many people attended the cup final?", ["A crowd of 78,406, the largest for a domestic final at Westfield Stadium since it was rebuilt, saw Harlow take the lead."])];
    expect(rewriteOffline("Was that a record?", attended).question).toMatch(/^Was the 78,406 people a record\? \(context: /);
    // A clock time or an age is not the figure asked for.
    const treated = [turn("How many people were treated in hospital?", ["By 6 a.m., 23-year-old nurses had treated 12 people."])];
    expect(rewriteOffline("Was that more than expected?", treated).question).toMatch(/^Was the 12 people more than expected\?/);
    const released = turn("How much did the Hollis County Council release from its emergency fund?", [
      "The Hollis County Council held an emergency session at noon on Saturday, May 17, 2025.",
      "It voted unanimously to release $1.5 million from its emergency fund.",
    ]);
    expect(rewriteOffline("What will that pay for?", [released]).question).toMatch(/^What will the \$1\.5 million pay for\?/);
    // The answer's sentence is the one holding the question's distinctive words ("police"), not its report's name.
    const police = turn("How much is going to the police in the Riverton budget?", [
      "Riverton's council approved spending of $412.6 million on Tuesday.",
      "$9.2 million to hire 64 police officers and 12 civilian call-takers.",
    ]);
    expect(rewriteOffline("How many officers will that pay for?", [police]).question).toMatch(/^How many officers will the \$9\.2 million pay for\?/);
  });

  it("leaves 'that' pointing back, with context, when the figure asked for was not found; a measured phrase stands in", () => {
    const attended = [turn("How many people attended the cup final?", ["Harlow shared the record of eight cup titles since 2019."])];
    expect(rewriteOffline("Was that a record?", attended).question).toMatch(/^Was that a record\? \(context: .*people, attended, cup, final/);
    expect(rewriteOffline("How does that compare with last year?", [turn("How big is Riverton's new budget?")]).question).toMatch(
      /^How does Riverton's new budget compare with last year\?/,
    );
  });

  it("reads 'there' as the place a 'which' or 'where' question's answer named, else the one the question named", () => {
    expect(rewriteOffline("how many people live there?", [turn("How does Dunmore get its drinking water?", ["Dunmore draws its water from the Marten River."])]).question).toBe(
      "How many people live in Dunmore?",
    );
    // After "Where …?" the place is the answer, not the place the question named.
    const flew = [turn("Where did the mayor of Dunmore fly to?", ["The mayor of Dunmore flew to Brussels on Monday."])];
    expect(rewriteOffline("how many residents are there?", flew).question).toMatch(/^How many residents are in Brussels\?/);
    const plant = [turn("Which plant will Corvane close?", ["To cut costs, Corvane will close its plant in Ashby Vale by the end of June."])];
    expect(rewriteOffline("how many jobs will go there?", plant).question).toBe("How many jobs will go in Ashby Vale?");
    expect(rewriteOffline("how far is it from there?", plant).question).toMatch(/from Ashby Vale\?/);
    // Nowhere to point to: the previous turn's words instead.
    expect(rewriteOffline("Who lives there?", [turn("Who won the cup?")]).question).toMatch(/^Who lives there\? \(context: won, cup\)$/);
    expect(followUpSignals("Is there a deadline?").anaphors).toEqual([]);
  });

  it("asks the previous question again with a bare follow-up's question word", () => {
    const levee = [turn("When did the levee break?")];
    expect(rewriteOffline("where?", levee)).toMatchObject({ question: "Where did the levee break?", rewritten: true });
    expect(rewriteOffline("How long?", [turn("How much did yields rise in dry years?")]).question).toBe("How long did yields rise in dry years?");
    expect(rewriteOffline("by how much?", [turn("Why did Corvane's raw material costs rise?")]).question).toBe("By how much did Corvane's raw material costs rise?");
  });

  it("asks a preposition's question word ('between whom?') of the previous question, unless that asked for its object", () => {
    const met = [turn("When did the mediators meet in Doha?")];
    expect(rewriteOffline("with whom?", met)).toMatchObject({ question: "With whom did the mediators meet in Doha?", rewritten: true });
    // What the walkout reflected was the answer: "between whom?" asks about it, not about the walkout.
    const walkout = [turn("What did observers say the walkout reflected?")];
    expect(rewriteOffline("between whom?", walkout)).toMatchObject({ question: "between whom? (context: observers, walkout, reflected)", rewritten: true });
    expect(followUpSignals("On what grounds?").fragment).toBe(true);
    expect(followUpSignals("On what grounds did Mujahid reject the demand?").fragment).toBe(false);
  });

  it("after 'Who did something to something?', asks the new question word about the thing done to", () => {
    expect(rewriteOffline("when?", [turn("Who arranged the ceasefire?")]).question).toBe("When was the ceasefire arranged?");
    expect(rewriteOffline("when?", [turn("Who mediated the talks in Istanbul?")]).question).toBe("When were the talks in Istanbul mediated?");
    // After "What did …?" or "Which one did …?" the thing asked about was the answer: "Why did Marovia turn down?"
    // asks nothing, so the previous turn's words go with "why?" instead.
    expect(rewriteOffline("why?", [turn("Which one did Marovia turn down?")]).question).toBe("why? (context: Marovia, turn)");
    expect(rewriteOffline("why?", [turn("What did Sheriff Daniel Okafor ask people to do?")]).question).toMatch(/^why\? \(context: Sheriff/);
    // Nothing done to anything: context only.
    expect(rewriteOffline("why?", [turn("Who walked out?")]).question).toBe("why? (context: walked)");
  });

  it("does not ask a new question word of a 'how many' question whose subject was what it counted", () => {
    // "Why were injured?" would ask nothing; the previous turn's words go with "why?" instead.
    expect(rewriteOffline("why?", [turn("How many were injured?")]).question).toBe("why? (context: injured)");
    expect(rewriteOffline("why?", [turn("How many were in Brightwick?")]).question).toMatch(/^why\? \(context: Brightwick/);
    // Irregular participles: "Why were sold?", "Why were hurt?" would ask nothing either.
    expect(rewriteOffline("why?", [turn("How many were sold?")]).question).toBe("why? (context: sold)");
    expect(rewriteOffline("why?", [turn("How many were hurt?")]).question).toBe("why? (context: hurt)");
    expect(rewriteOffline("why?", [turn("How many were taken to hospital?")]).question).toMatch(/^why\? \(context: .*hospital/);
    expect(rewriteOffline("why?", [turn("How many were left homeless?")]).question).toMatch(/^why\? \(context: .*homeless/);
    // One with a subject of its own is asked again as before.
    expect(rewriteOffline("why?", [turn("How much are ferry fares rising?")]).question).toBe("Why are ferry fares rising?");
  });

  it("leaves a pronoun pointing back rather than put in a phrase the question already says ('Who voted for the vote?')", () => {
    const vote = [turn("What was the vote?", ["The council approved the budget 8-1 on Tuesday night."], "riverton")];
    expect(rewriteOffline("who voted for it?", vote).question).toMatch(/^Who voted for it\? \(context: /);
    expect(rewriteOffline("when did they vote?", vote).question).toMatch(/^When did they vote\? \(context: /);
    expect(rewriteOffline("was it close?", vote).question).toMatch(/^Was the vote close\?/);
  });

  it("reads 'there' after 'How many were …' as saying that something exists, not where", () => {
    for (const asked of ["how many were there?", "and how many were there?", "So how many were there?", "how many were there in total?", "But how many were there altogether?"]) {
      expect(followUpSignals(asked).anaphors).toEqual([]);
    }
    expect(followUpSignals("how many were there in Dunmore?").anaphors.map((a) => a.kind)).toEqual(["place"]);
    expect(followUpSignals("were there any injuries?").anaphors).toEqual([]);
    expect(followUpSignals("how many people live there?").anaphors.map((a) => a.kind)).toEqual(["place"]);
    expect(followUpSignals("who was there?").anaphors.map((a) => a.kind)).toEqual(["place"]);
  });

  it("reads 'and if they don't?' as asking what follows, with context", () => {
    const next = [turn("What can Northgate do after the ruling?", ["Northgate has 30 days to ask the state Supreme Court to review the decision."])];
    expect(rewriteOffline("and if they don't?", next).question).toMatch(/^What happens if Northgate don't\? \(context: Supreme, Court/);
    expect(followUpSignals("And if they don't?").ellipsisSubject).toBeUndefined();
  });

  it("carries context when the reading still points back", () => {
    const rejected = [turn("Who rejected that demand?", [MUJAHID])];
    expect(rewriteOffline("on what grounds?", rejected).question).toMatch(/^On what grounds was that demand rejected\? \(context: Defence, Minister/);
  });

  it("carries context to a question joined on with 'and' that has too few words of its own", () => {
    const majority = [turn("Who wrote the majority opinion in the pipeline case?", ["Judge Ana Ruiz wrote the majority opinion."])];
    expect(rewriteOffline("and who disagreed?", majority).question).toMatch(/^Who disagreed\? \(context: Ana, Ruiz, wrote, majority, opinion, pipeline\)$/);
    expect(leansOnHistory(followUpSignals("and who arranged the temporary ceasefire?"))).toBe(false);
  });

  it("swaps the place after a phrase for an elliptic place, and reads 'for how long?' and 'what happened next?'", () => {
    const istanbul = [turn("Who mediated the talks in Istanbul?", [MEDIATED])];
    expect(coreOf(rewriteOffline("and in Doha?", istanbul).question)).toBe("Who mediated the talks in Doha?");
    // A place after the verb's own "in" takes one "in", not two.
    const rent = [turn("How much does a two-bedroom flat cost to rent in Brackenford?")];
    expect(coreOf(rewriteOffline("and in Linmouth?", rent).question)).toBe("How much does a two-bedroom flat cost to rent in Linmouth?");
    expect(coreOf(rewriteOffline("for how long?", istanbul).question)).toBe("For how long were the talks in Istanbul mediated?");
    expect(rewriteOffline("what happened next?", istanbul).question).toMatch(/^What happened next\? \(context: Istanbul, Turkish/);
    expect(followUpSignals("What will the next round discuss?").leaning).toEqual([]);
    // "that so" is an idiom, not "that" standing for something.
    expect(followUpSignals("Is that so?").anaphors).toEqual([]);
  });

  it("after a 'who' question, reads an elliptic measure or property as that of what it asked about, not as a new object of its verb", () => {
    const won = [turn("Who won the cup final?")];
    expect(coreOf(rewriteOffline("and the score?", won).question)).toBe("What was the score of the cup final?");
    expect(coreOf(rewriteOffline("what about the final score?", won).question)).toBe("What was the final score of the cup final?");
    expect(coreOf(rewriteOffline("and attendance?", won).question)).toBe("What was the attendance of the cup final?");
    expect(coreOf(rewriteOffline("and the cost?", [turn("Who pays for the levee?")]).question)).toBe("What is the cost of the levee?");
    expect(coreOf(rewriteOffline("and the score?", [turn("Who won Wimbledon?")]).question)).toBe("What was the score of Wimbledon?");
    expect(coreOf(rewriteOffline("and the date?", [turn("Who was arrested after the match?")]).question)).toBe("What was the date of the match?");
    // A pronoun owning the property is whom or what was asked about: not "What is the his salary of …?".
    expect(coreOf(rewriteOffline("and his salary?", [turn("Who is the new chief executive?")]).question)).toBe("What is the salary of the new chief executive?");
    expect(coreOf(rewriteOffline("what about their score?", won).question)).toBe("What was the score of the cup final?");
    // Measures in the plural are measures too, and take a plural verb.
    expect(coreOf(rewriteOffline("and the results?", [turn("Who won the mayoral election?")]).question)).toBe("What were the results of the mayoral election?");
    expect(coreOf(rewriteOffline("and the costs?", [turn("Who will pay for the new bridge?")]).question)).toBe("What are the costs of the new bridge?");
    // A modal asks of now or later, as "will" does.
    expect(coreOf(rewriteOffline("and the amount?", [turn("Who should pay the fine?")]).question)).toBe("What is the amount of the fine?");
    // "Which team won …?" asks for who did it as "Who won …?" does; "Which one did Marovia turn down?" for what was done to.
    expect(coreOf(rewriteOffline("and the score?", [turn("Which team won the cup final?")]).question)).toBe("What was the score of the cup final?");
    // A measure takes no doer's or thing's place there ("Which plan did the cost reject?", "When was the cost
    // opened?"): it is left to the previous turn's words.
    expect(rewriteOffline("and the cost?", [turn("Which plan did the council reject?")]).question).toMatch(/^and the cost\? \(context: /);
    expect(rewriteOffline("and the cost?", [turn("When was the bridge opened?")]).question).toMatch(/^and the cost\? \(context: /);
    // It takes a measure's place: "What was the margin in Tarnwick?".
    expect(coreOf(rewriteOffline("and the margin?", [turn("What was the turnout in Tarnwick?")]).question)).toMatch(/^What was the margin\b/);
    // A thing that can be won is asked about in the question's own shape; a measure the question already has, swapped.
    expect(coreOf(rewriteOffline("and the semi-final?", won).question)).toBe("Who won the semi-final?");
    expect(coreOf(rewriteOffline("What about the ceasefire?", mediated).question)).toBe("Who mediated the ceasefire?");
    expect(coreOf(rewriteOffline("and the lowest score?", [turn("Who had the highest score?")]).question)).toBe("Who had the lowest score?");
    // After a question of another shape the measure takes its kind's place as before.
    expect(coreOf(rewriteOffline("and the margin?", [turn("What was the turnout in Tarnwick?")]).question)).not.toMatch(/ of /);
  });

  it("swaps the words naming the same kind of thing for an elliptic common noun", () => {
    expect(rewriteOffline("what about the wet year", [turn("How much did yields rise in dry years in the soil study?")]).question).toBe(
      "How much did yields rise in the wet year in the soil study?",
    );
    // A title's capitalised words give way with its noun, and its owner stays.
    expect(coreOf(rewriteOffline("and the interior minister?", [turn("What did Pakistan's Defence Minister warn?")]).question)).toBe(
      "What did Pakistan's interior minister warn?",
    );
  });

  it("reads a capitalised title as the kind of person it names, as in lower case, not as a name that takes a name's place", () => {
    // Not "What did the Deputy Minister's Defence Minister warn?": the owner stays, and the title takes the title's place.
    const warned = [turn("What did Pakistan's Defence Minister warn?")];
    expect(coreOf(rewriteOffline("and the Interior Minister?", warned).question)).toBe("What did Pakistan's Interior Minister warn?");
    expect(coreOf(rewriteOffline("and the Deputy Minister?", warned).question)).toBe("What did Pakistan's Deputy Minister warn?");
    // Not "What did the Secretary of the Deputy Secretary say …?".
    const deal = [turn("What did the Secretary of State say about the deal?")];
    for (const deputy of ["the Deputy Secretary", "the deputy secretary"]) {
      expect(coreOf(rewriteOffline(`and ${deputy}?`, deal).question)).toBe(`What did ${deputy} of State say about the deal?`);
    }
    expect(coreOf(rewriteOffline("and the Secretary of Defense?", deal).question)).toBe("What did the Secretary of Defense say about the deal?");
    // A title with no title of its kind to give way takes the place of a name, as it did before titles were kinds:
    // not "What did Omar Samad say about the Prime Minister?".
    const samad = [turn("What did Omar Samad say about the deal?")];
    expect(coreOf(rewriteOffline("and the Prime Minister?", samad).question)).toBe("What did the Prime Minister say about the deal?");
    expect(coreOf(rewriteOffline("and the President?", [turn("What did Pakistan say about the deal?")]).question)).toBe("What did the President say about the deal?");
    // A title before a name leaves it a name: it takes the place of a name.
    expect(coreOf(rewriteOffline("and Mayor Colette Brannagh?", [turn("What did Omar Samad say about the deal?")]).question)).toBe(
      "What did Mayor Colette Brannagh say about the deal?",
    );
  });

  it("puts an elliptic common noun in the place of common nouns, not of a name", () => {
    const forecast = [turn("What is the Central Bank of Aldermark's inflation forecast?", [], "bank")];
    expect(coreOf(rewriteOffline("and growth?", forecast).question)).toBe("What is the Central Bank of Aldermark's growth forecast?");
    // An owner of two words too: "Corrin Air's".
    expect(coreOf(rewriteOffline("and freight?", [turn("What is Corrin Air's passenger forecast?")]).question)).toBe("What is Corrin Air's freight forecast?");
    // Every word between an owner and the noun gives way, not only the last: not "Corvane's raw energy costs".
    const costs = [turn("By how much did Corvane's raw material costs rise?")];
    expect(coreOf(rewriteOffline("and energy costs?", costs).question)).toBe("By how much did Corvane's energy costs rise?");
    // A plural owner's apostrophe ends the word: not "the new teachers' the second rise".
    const rise = [turn("When will the new teachers' pay rise apply?")];
    expect(coreOf(rewriteOffline("and the second rise?", rise).question)).toBe("When will the new teachers' second rise apply?");
    // A name read without its plural owner's apostrophe ("Teachers Union General Secretary") is not in the question:
    // nothing is spliced at a place it was not found ("…General Secretary saythe Deputy Secretaryl Secretary say?").
    // A title's words walk back to the body whose office it is: the union's deputy secretary, not "the Deputy Secretary".
    const union = [turn("What did the Teachers' Union General Secretary say?")];
    for (const deputy of ["the Deputy Secretary", "the deputy secretary"]) {
      expect(coreOf(rewriteOffline(`and ${deputy}?`, union).question)).toBe(`What did the Teachers' Union ${deputy.replace(/^the /, "")} say?`);
    }
    // Nor lower case: the article before the words that stay serves the new ones, not "the teachers union the deputy
    // secretary".
    for (const deputy of ["the Deputy Secretary", "the deputy secretary"]) {
      expect(coreOf(rewriteOffline(`and ${deputy}?`, [turn("What did the teachers union general secretary say?")]).question)).toBe(`What did the teachers union ${deputy.replace(/^the /, "")} say?`);
    }
    expect(coreOf(rewriteOffline("and the deputy leader?", [turn("What did the city council leader say?")]).question)).toBe("What did the city deputy leader say?");
    expect(coreOf(rewriteOffline("and the council election?", [turn("Who won the Lakeside mayoral election?")]).question)).toBe("Who won the Lakeside council election?");
    // The word after "who" is its verb, never of the kind: not "Who the Vice Chair the inquiry?".
    expect(coreOf(rewriteOffline("and the Vice Chair?", [turn("Who chairs the inquiry?")]).question)).not.toMatch(/Who the Vice Chair/);
    // An owner in lower case ends the words that give way as a name does: not "the country's raw energy costs".
    for (const owner of ["the country's", "the teachers'"]) {
      const owned = [turn(`By how much did ${owner} raw material costs rise?`)];
      expect(coreOf(rewriteOffline("and energy costs?", owned).question)).toBe(`By how much did ${owner} energy costs rise?`);
    }
    expect(coreOf(rewriteOffline("and the pools?", [turn("What happens to the Riverton parks department?")]).question)).toBe("What happens to the pools?");
    // A phrase of its own is what is asked about, not a modifier of the owned phrase.
    expect(coreOf(rewriteOffline("and the ceasefire?", [turn("What is Pakistan's inflation forecast?")]).question)).not.toContain("Pakistan's the");
    expect(coreOf(rewriteOffline("and the governor?", [turn("What did Aldermark's finance minister say?")]).question)).not.toContain("Aldermark's the");
  });

  it("writes a name typed in lower case as the conversation wrote it", () => {
    const cup = [turn("What does Harlow get for winning the cup?", ["Harlow Athletic won the National Cup, beating Port Ellery Rovers 3-1."], "cup")];
    expect(coreOf(rewriteOffline("and rovers?", cup).question)).toBe("What does Port Ellery Rovers get for winning the cup?");
  });

  it("reads 'that' after a question's opening verb as pointing back", () => {
    expect(followUpSignals("Was that a record?").leaning).toEqual(["that"]);
    expect(followUpSignals("Did he say that Pakistan walked out?").leaning).toEqual([]);
  });

  it("adds the previous turn's words to a bare follow-up", () => {
    const reading = rewriteOffline("Why?", [turn("Who walked out of the discussions?", ["The Pakistani side, reportedly frustrated by the Afghan stance, walked out of the discussions."])]);
    expect(reading.rewritten).toBe(true);
    expect(reading.question).toMatch(/^Why\? \(context: .*walked/);
  });

  it("follows a chain: the third turn resolves against the second's standalone reading", () => {
    const second = { ...turn("How long did they last?"), standaloneQuestion: "How long did the talks last? (context: Turkish, Qatari)" };
    expect(rewriteOffline("Where were they held?", [...mediated, second]).question).toMatch(/^Where were the talks held\?/);
  });

  it("prefers the report the previous answer cited, and none after a turn that cited nothing", () => {
    const mediatedFirst = turn("Who mediated the talks?", [MEDIATED], "first");
    expect(rewriteOffline("How long did they last?", [mediatedFirst]).preferredReportId).toBe("first");
    const history = [mediatedFirst, turn("What is the capital of Australia?")];
    expect(rewriteOffline("How long did they last?", history).preferredReportId).toBeUndefined();
  });
});
