/**
 * Size limits for what the exercise APIs accept. Shared by the server (validation) and the
 * browser (which trims a run's report to fit before sending it), so a well-behaved client never
 * sees a 4xx for a report its own grader produced. No imports: safe in any bundle.
 */
export const EXERCISE_LIMITS = {
  /** A learner's source file, in UTF-8 bytes. */
  codeBytes: 100 * 1024,
  /** Test results kept per run. */
  results: 100,
  /** Characters of a test name. */
  nameChars: 300,
  /** Characters of a result's message, expected and actual text (each). */
  textChars: 2000,
  /** console lines kept per test. */
  outputLines: 20,
  /** Characters per console line. */
  outputLineChars: 300,
  /** A run may report at most this many tests in its spec. */
  testsTotal: 100,
  /** Request bodies of the attempts endpoint (code + results + framing). */
  attemptBodyBytes: 1536 * 1024,
  /** Request bodies of the draft endpoint. */
  draftBodyBytes: 128 * 1024,
} as const;

/** Byte length of a string in UTF-8, without Buffer (works in the browser too). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
