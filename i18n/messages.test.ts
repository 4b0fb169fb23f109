import { describe, expect, it } from "@jest/globals";
import { messageParityProblems, messageSlots, readLocaleMessages } from "@/lib/i18n/message-parity";
import { NAMESPACES } from "./messages";

const root = process.cwd();

describe("interface messages", () => {
  it("has every namespace the server loads in every locale, and no file it does not load", () => {
    for (const locale of ["en", "zh"]) expect(Object.keys(readLocaleMessages(root, locale)).sort()).toEqual([...NAMESPACES].sort());
  });

  it("gives every English message a Chinese one with the same arguments and tags", () => {
    expect(messageParityProblems(readLocaleMessages(root, "en"), readLocaleMessages(root, "zh"), "zh")).toEqual([]);
  });

  it("reports a lost tag, a missing key and a message left in English", () => {
    const english = { ns: { a: "{count, plural, one {# item} other {# items}}", b: "Hello <link>{name}</link>", c: "Save", d: "Dismiss" } };
    const chinese = { ns: { a: "{count} 项", b: "你好 {name}", c: "Save" } };
    expect(messageParityProblems(english, chinese, "zh")).toEqual([
      "ns.d: missing in zh",
      "ns.b: English uses <link>, name, zh uses name",
      'ns.c: "Save" has no Chinese in it',
    ]);
    expect(messageSlots("Hello <link>{name}</link>")).toEqual(["<link>", "name"]);
    expect(messageSlots("{passed, select, yes {Passed {n}} other {Ran}} at {when, date, short}")).toEqual(["n", "passed", "when"]);
    expect(() => messageSlots("{count, plural, one {# item}")).toThrow(/unclosed/);
  });
});
