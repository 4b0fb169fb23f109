import { describe, expect, it } from "@jest/globals";
import { BOM, csvField, fileSlug, neutraliseFormula, parseCsv, toCsv, type CsvValue } from "./csv";
import { matrixCsv, rosterCsv, ROSTER_HEADER } from "./export";
import type { MatrixPage } from "./matrix";
import type { RosterRow } from "./roster";

describe("CSV fields (RFC 4180)", () => {
  it.each<[string, CsvValue, string]>([
    ["plain text, as is", "plain", "plain"],
    ["a comma, quoted", "Smith, Jane", '"Smith, Jane"'],
    ["inner quotes, doubled", 'She said "hi"', '"She said ""hi"""'],
    ["a line break, quoted", "two\nlines", '"two\nlines"'],
    ["a carriage return, quoted", "cr\r", '"cr\r"'],
    ["null, empty", null, ""],
    ["undefined, empty", undefined, ""],
    ["a number, as written", 42.5, "42.5"],
    ["NaN, empty", Number.NaN, ""],
    ["true, as yes", true, "yes"],
    ["a date, in ISO 8601", new Date("2026-03-01T10:00:00Z"), "2026-03-01T10:00:00.000Z"],
  ])("quotes only what needs quoting and doubles inner quotes: %s", (_case, value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it("neutralises formulas: = + - @ TAB CR at the start get a leading apostrophe", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]) {
      expect(neutraliseFormula(evil)).toBe(`'${evil}`);
    }
    expect(neutraliseFormula("a=b")).toBe("a=b");
    expect(neutraliseFormula("Zoë")).toBe("Zoë");
    // Quoting still applies after neutralising.
    expect(csvField('=cmd|" /C calc"!A0')).toBe(`"'=cmd|"" /C calc""!A0"`);
    expect(csvField("\rX")).toBe(`"'\rX"`);
    // Numbers are data: a negative number stays a number.
    expect(csvField(-3)).toBe("-3");
  });

  it("a document starts with a UTF-8 BOM, ends lines with CRLF, and parses back to the same cells", () => {
    const rows = [
      ["Zoë Ñúñez", "zoe@example.test", "=1+1", 'quote "q"', "multi\nline", 7],
      ["王小明", "", "-5", "a,b", "", -1.5],
    ];
    const csv = toCsv(["Name", "Email", "Formula", "Quote", "Lines", "Number"], rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4); // header, two records, final empty string
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv)).toEqual([
      ["Name", "Email", "Formula", "Quote", "Lines", "Number"],
      ["Zoë Ñúñez", "zoe@example.test", "'=1+1", 'quote "q"', "multi\nline", "7"],
      ["王小明", "", "'-5", "a,b", "", "-1.5"],
    ]);
  });

  it("file names are ASCII slugs", () => {
    expect(fileSlug("Zoë's Spring cohort, 2026!")).toBe("zoe-s-spring-cohort-2026");
    expect(fileSlug("日本語")).toBe("cohort");
  });
});

describe("exports", () => {
  const completion = {
    done: 4,
    total: 6,
    percent: 67,
    lessonsDone: 2,
    lessonsTotal: 3,
    exercisesPassed: 1,
    exercisesTotal: 2,
    quizzesPassed: 1,
    quizzesTaken: 1,
    quizzesTotal: 1,
    averageQuizPercent: 83.3,
  };
  const roster: RosterRow[] = [
    {
      id: "u1",
      name: "Zoë Ñúñez",
      email: "zoe@example.test",
      track: "BUILDER",
      joinedAt: new Date("2026-03-01T09:00:00Z"),
      lastActivity: new Date("2026-03-04T17:45:10Z"),
      completion,
      capstone: null,
    },
    { id: "u2", name: "@evil", email: "e@example.test", track: "CONCEPT", joinedAt: new Date("2026-03-02T00:00:00Z"), lastActivity: null, completion: { ...completion, averageQuizPercent: null }, capstone: null },
  ];

  it("the roster: one row per learner, names intact, formulas neutralised", () => {
    const rows = parseCsv(rosterCsv(roster));
    expect(rows[0]).toEqual([...ROSTER_HEADER]);
    expect(rows[1]).toEqual(["Zoë Ñúñez", "zoe@example.test", "builder", "2026-03-01", "2026-03-04 17:45 UTC", "67", "4", "6", "2", "1", "1", "1", "83.3"]);
    expect(rows[2].slice(0, 5)).toEqual(["'@evil", "e@example.test", "concept", "2026-03-02", ""]);
    expect(rows[2][12]).toBe("");
  });

  it("the matrix: a column per item named in full, a text per cell", () => {
    const matrix: MatrixPage = {
      columns: [
        { kind: "lesson", id: "intro", title: "Intro", short: "L1", lesson: "intro", chapterNumber: 1 },
        { kind: "exercise", id: "softmax", title: "Softmax, stable", short: "E1", lesson: "intro", chapterNumber: 1 },
        { kind: "quiz", id: "q", title: "Quiz", short: "Q1", lesson: "intro", chapterNumber: 1 },
      ],
      rows: [
        {
          learner: { id: "u1", name: "Zoë Ñúñez", email: "zoe@example.test" },
          cells: [
            { kind: "lesson", state: "complete" },
            { kind: "exercise", state: "passed", attempts: 3, attemptsToPass: 3, bestPassed: 6, testsTotal: 6 },
            { kind: "quiz", state: "passed", attempts: 1, score: 8, maxScore: 12 },
          ],
        },
      ],
      total: 1,
      page: 1,
      pageSize: 1,
      pageCount: 1,
    };
    expect(parseCsv(matrixCsv(matrix))).toEqual([
      ["Name", "Email", "Lesson: Intro", "Exercise: Softmax, stable", "Quiz: Quiz"],
      ["Zoë Ñúñez", "zoe@example.test", "complete", "3 attempts, passed", "8/12"],
    ]);
  });
});
