/**
 * What the learner sees and what assistive technology gets, checked on the server-rendered
 * markup (Jest runs without a DOM here; the interaction logic is in quiz-draft.test.ts and quiz-submit.test.ts).
 */
import { describe, expect, it } from "@jest/globals";
import { renderToStaticMarkup } from "react-dom/server";
import { gradeQuiz } from "@/lib/quiz/grade";
import { toPublicQuiz } from "@/lib/quiz/public";
import { sampleQuiz } from "@/tests/support/sample-quiz";
import { Markdown, plainText } from "./markdown";
import { QuizResults } from "./quiz-results";
import { QuizView } from "./quiz-view";
import { WithMessages } from "@/tests/support/intl";

const quiz = sampleQuiz();
const pub = toPublicQuiz(quiz, { seed: 21 });
const html = renderToStaticMarkup(<WithMessages><QuizView quiz={pub} seed={21} /></WithMessages>);

/** The markup of the element carrying data-testid (up to its matching close tag). */
function byTestId(markup: string, testId: string): string {
  const start = markup.indexOf(`data-testid="${testId}"`);
  if (start < 0) throw new Error(`no element with data-testid="${testId}"`);
  const open = markup.lastIndexOf("<", start);
  const tag = /^<([a-z0-9]+)/.exec(markup.slice(open))![1];
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "g");
  re.lastIndex = open;
  for (let m = re.exec(markup); m; m = re.exec(markup)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return markup.slice(open, m.index + m[0].length);
  }
  throw new Error(`unclosed <${tag}>`);
}
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&#x27;/g, "'");

describe("QuizView before submission", () => {
  it("shows the title, every question in order with its number, and a submit button", () => {
    expect(html).toContain("Sample quiz");
    const positions = quiz.questions.map((q) => html.indexOf(`data-testid="question-${q.id}"`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(textOf(byTestId(html, "question-n1"))).toContain("Question 6");
    expect(textOf(byTestId(html, "quiz-submit"))).toBe("Submit answers");
    expect(textOf(byTestId(html, "quiz-progress"))).toBe("0 of 7 answered; unanswered questions count as wrong.");
  });

  it("renders choice questions as labelled radio / checkbox groups in a fieldset with a legend", () => {
    const single = byTestId(html, "question-s1");
    expect(single).toMatch(/^<li[^>]*><fieldset><legend[^>]*>/);
    expect(textOf(single.match(/<legend[\s\S]*?<\/legend>/)![0])).toContain("Which family does BERT belong to?");
    expect(single).toContain("<strong>BERT</strong>"); // Markdown in the prompt
    const radios = single.match(/<label[^>]*><input type="radio"[^>]*>[\s\S]*?<\/label>/g)!;
    expect(radios).toHaveLength(3);
    const radioNames = new Set(radios.map((r) => /name="([^"]+)"/.exec(r)![1]));
    expect(radioNames.size).toBe(1); // one group
    expect(radios.map((r) => textOf(r)).sort()).toEqual(["Decoder-only", "Encoder-decoder", "Encoder-only"]);

    const multiple = byTestId(html, "question-m1");
    expect(multiple.match(/type="checkbox"/g)).toHaveLength(4);
    expect(textOf(multiple)).toContain("Select all that apply.");

    const tf = byTestId(html, "question-tf1");
    expect(tf).toContain("<fieldset>");
    expect(tf.match(/type="radio"/g)).toHaveLength(2);
    expect(textOf(tf)).toMatch(/True or false\?.*AGI already exists\..*TrueFalse/);
  });

  it("shows the options in the shuffled order of this attempt", () => {
    const displayed = pub.questions[0];
    if (displayed.type !== "single") throw new Error("type");
    const single = byTestId(html, "question-s1");
    const values = [...single.matchAll(/value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(displayed.options.map((o) => o.id));
  });

  it("gives ordering items Move up / Move down buttons labelled with the item, and a live region", () => {
    const ordering = byTestId(html, "question-o1");
    const displayed = pub.questions.find((q) => q.id === "o1");
    if (displayed?.type !== "ordering") throw new Error("type");
    for (const item of displayed.items) {
      expect(ordering).toContain(`aria-label="Move up: ${item.text}"`);
      expect(ordering).toContain(`aria-label="Move down: ${item.text}"`);
    }
    // The ends cannot move further and say so, without leaving the tab order.
    const first = displayed.items[0].text;
    const last = displayed.items[displayed.items.length - 1].text;
    expect(ordering).toContain(`aria-label="Move up: ${first}" aria-disabled="true"`);
    expect(ordering).toContain(`aria-label="Move down: ${last}" aria-disabled="true"`);
    expect(ordering.match(/aria-disabled="true"/g)).toHaveLength(2);
    expect(ordering).not.toContain(" disabled=");
    expect(textOf(ordering)).toContain("Not answered yet");
    expect(html).toMatch(/<p aria-live="polite" class="sr-only" data-testid="quiz-announcer"><\/p>/);
  });

  it("gives every matching item a labelled select listing all right options", () => {
    const matching = byTestId(html, "question-mt1");
    const displayed = pub.questions.find((q) => q.id === "mt1");
    if (displayed?.type !== "matching") throw new Error("type");
    const displayedRight = displayed.right.map((r) => r.text);
    const selects = [...matching.matchAll(/<select id="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)];
    expect(selects).toHaveLength(3);
    for (const [, id, options] of selects) {
      expect(matching).toContain(`<label for="${id}">`);
      // "Choose…" first, then every right option in this attempt's order.
      expect(textOf(options)).toBe(["Choose…", ...displayedRight].join(""));
      expect(options.match(/<option/g)).toHaveLength(5);
    }
    const labels = [...matching.matchAll(/<label for="[^"]+">([\s\S]*?)<\/label>/g)].map((m) => textOf(m[1])).sort();
    expect(labels).toEqual(["BERT", "GPT", "T5"]);
  });

  it("labels the numeric and text inputs with their prompts, and shows the unit", () => {
    const numeric = byTestId(html, "question-n1");
    const id = /<input id="([^"]+)"/.exec(numeric)![1];
    expect(numeric).toContain(`<label for="${id}"`);
    expect(numeric).toContain('inputMode="decimal"');
    const withUnit = renderToStaticMarkup(
      <WithMessages><QuizView quiz={{ ...pub, questions: [{ id: "n9", type: "numeric", prompt: "How many?", unit: "entries" }] }} seed={21} /></WithMessages>,
    );
    const unitId = /<span id="([^"]+)"[^>]*>entries<\/span>/.exec(withUnit)![1];
    expect(withUnit).toContain(`aria-describedby="${unitId}"`);
    const text = byTestId(html, "question-t1");
    const textId = /<input id="([^"]+)"/.exec(text)![1];
    expect(textOf(text.match(new RegExp(`<label for="${textId}"[\\s\\S]*?</label>`))![0])).toContain("Which function turns logits into probabilities?");
  });

  it("contains nothing of the answer key", () => {
    for (const q of quiz.questions) {
      expect(html).not.toContain(q.explanation);
      expect(html).not.toContain(q.section);
    }
    expect(html).not.toMatch(/Right: BERT is a stack of encoders|correct/i);
  });
});

describe("QuizResults after submission", () => {
  const answers = { s1: "dec", m1: ["vit"], tf1: false, o1: ["pre", "sft", "rm", "rl"], mt1: { bert: "enc", gpt: "dec", t5: "enc" }, n1: 8 };
  const response = { ...gradeQuiz(quiz, answers), best: { score: 6, maxScore: 7 }, latest: { score: 4.17, maxScore: 7 } };
  const results = renderToStaticMarkup(<WithMessages><QuizResults quiz={pub} response={response} onRetake={() => {}} /></WithMessages>);

  it('shows "Score: x / y", the pass verdict, and best and latest scores', () => {
    expect(response.score).toBe(4.17); // 4 right + 0.5 (m1) + 2/3 (mt1)
    expect(textOf(byTestId(results, "quiz-score"))).toBe("Score: 4.17 / 7");
    expect(textOf(byTestId(results, "quiz-verdict"))).toBe("59.5%: not passed yet (the pass mark is 60%).");
    expect(textOf(byTestId(results, "quiz-best"))).toBe("6 / 7");
    expect(textOf(byTestId(results, "quiz-latest"))).toBe("4.17 / 7");
    expect(textOf(byTestId(results, "retake"))).toBe("Retake the quiz");
    expect(byTestId(results, "retake")).toMatch(/^<button type="button"/);
  });

  it("marks each question right, wrong or partly right, in words", () => {
    expect(byTestId(results, "result-n1")).toContain('data-correct="true"');
    expect(byTestId(results, "result-s1")).toContain('data-correct="false"');
    expect(textOf(byTestId(results, "verdict-n1"))).toBe("Correct");
    expect(textOf(byTestId(results, "verdict-s1"))).toBe("Incorrect");
    expect(textOf(byTestId(results, "verdict-mt1"))).toBe("Partly correct (0.67 of 1 point)");
    expect(textOf(byTestId(results, "verdict-t1"))).toBe("Incorrect");
  });

  it("shows the learner's answer and the correct answer readably", () => {
    expect(textOf(byTestId(results, "given-s1"))).toBe("Your answer: Decoder-only");
    expect(textOf(byTestId(results, "correct-s1"))).toBe("Correct answer: Encoder-only");
    expect(textOf(byTestId(results, "given-t1"))).toBe("Your answer: no answer");
    expect(textOf(byTestId(results, "correct-t1"))).toBe("Correct answer: softmax (also accepted: soft max)");
    const ordering = byTestId(results, "given-o1");
    expect(ordering).toContain("<ol");
    expect(textOf(ordering)).toBe("Your answer: Pre-trainingSupervised fine-tuningReward modelRL with PPO");
    expect(() => byTestId(results, "correct-o1")).toThrow(); // right answers do not repeat the answer
    const matching = byTestId(results, "correct-mt1");
    expect(textOf(matching)).toContain("T5 → Encoder-decoder");
  });

  it("explains, with per-option feedback, and links back to the lesson section", () => {
    const s1 = byTestId(results, "result-s1");
    expect(textOf(s1)).toContain("BERT reads the whole input at once with an encoder stack and has no decoder.");
    const feedback = textOf(byTestId(results, "feedback-s1"));
    expect(feedback).toContain("Decoder-only (your answer): That is GPT: it predicts the next token left to right.");
    expect(feedback).toContain("Encoder-only (correct answer): Right: BERT is a stack of encoders.");
    expect(feedback).not.toContain("That is T5 or BART."); // neither chosen nor correct
    expect(s1).toContain('<a class="mt-2 inline-block');
    expect(s1).toMatch(/href="\/learn\/transformer\/three-families#encoder-only"[^>]*>Review this in the lesson<\/a>/);
  });
});

describe("Markdown", () => {
  it("renders code, bold, italic and site links", () => {
    const out = renderToStaticMarkup(<Markdown text={"Use `softmax` on **all** *logits*; see [the lesson](/learn/transformer/self-attention)."} />);
    expect(out).toContain("<code");
    expect(out).toContain(">softmax</code>");
    expect(out).toContain("<strong>all</strong>");
    expect(out).toContain("<em>logits</em>");
    expect(out).toContain('href="/learn/transformer/self-attention"');
  });

  it("never injects markup or unsafe links, and leaves underscores alone", () => {
    const out = renderToStaticMarkup(<Markdown text={'<img src=x onerror="alert(1)"> [x](javascript:alert(1)) d_model and h_t'} />);
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img");
    expect(out).not.toContain("href=");
    expect(out).toContain("d_model and h_t");
  });

  it("splits paragraphs, and stays phrasing content when inline", () => {
    const block = renderToStaticMarkup(<Markdown text={"One.\nstill one.\n\nTwo."} />);
    expect([...block.matchAll(/<p[^>]*>([^<]*)<\/p>/g)].map((m) => m[1])).toEqual(["One. still one.", "Two."]);
    expect(renderToStaticMarkup(<Markdown text={"One.\n\nTwo."} inline />)).not.toMatch(/<p|<div/);
  });

  it("plainText strips the markup for labels and announcements", () => {
    expect(plainText("**Pre**-training with `d_k`")).toBe("Pre-training with d_k");
  });
});

describe("QuizResults in Chinese", () => {
  const answers = { s1: "dec", m1: ["vit"], tf1: false, o1: ["pre", "sft", "rm", "rl"], mt1: { bert: "enc", gpt: "dec", t5: "enc" }, n1: 8 };
  const response = { ...gradeQuiz(quiz, answers), best: { score: 6, maxScore: 7 }, latest: { score: 4.17, maxScore: 7 } };
  const results = renderToStaticMarkup(<WithMessages locale="zh"><QuizResults quiz={pub} response={response} onRetake={() => {}} /></WithMessages>);

  it("gives the score, the verdict and each question's result in Chinese", () => {
    expect(textOf(byTestId(results, "quiz-score"))).toBe("得分：4.17 / 7");
    expect(textOf(byTestId(results, "quiz-verdict"))).toBe("59.5%：尚未通过（及格线为 60%）。");
    expect(textOf(byTestId(results, "verdict-n1"))).toBe("正确");
    expect(textOf(byTestId(results, "verdict-mt1"))).toBe("部分正确（1 分中得 0.67 分）");
    expect(textOf(byTestId(results, "retake"))).toBe("重做测验");
  });
});
