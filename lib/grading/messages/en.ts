/**
 * The grader's own words in English: every message the harness, the assertions and the compiler
 * step show a learner. Placeholders are `{name}`; `formatMessage` fills them. The keys are the
 * contract with the other locales (zh.ts must have exactly these keys and the same placeholders).
 */
export const en = {
  // Subjects and default nouns a message is built around.
  "subject": "{what}: ",
  "the-result": "the result",
  "the-result-start": "The result",
  "the-expected-value": "the expected value",
  "the-returned-tensor": "The returned tensor",
  "list-separator": "; ",
  "shape": "shape {shape}",

  // What a value is, for "expected a tf.Tensor but got ...".
  "kind.undefined": "undefined (did you forget to return the result?)",
  "kind.null": "null",
  "kind.array": "a plain array (wrap it in tf.tensor(...) to return a tensor)",
  "kind.number": "the number {value}",
  "kind.promise": "a Promise (the function must not be async)",
  "kind.object": "an object that is not a tensor",
  "kind.other": "a {type}",

  // Reading the learner's value.
  "value.not-number": "{what} contains something that is not a number",
  "value.ragged": "{what} is a ragged array (rows of different shapes)",
  "value.disposed": "{subject}the tensor has already been disposed, so its values cannot be read",
  "value.dtype": "{subject}expected a numeric tensor but got dtype {dtype}",
  "value.not-tensor": "{subject}expected a tf.Tensor but got {kind}",

  // Shapes.
  "shape.want-scalar": "{subject}expected a scalar (shape []) but got shape {actual}",
  "shape.got-scalar": "{subject}expected shape {expected} but got a scalar (shape [])",
  "shape.mismatch": "{subject}expected shape {expected} but got {actual}",

  // Values that are not close enough.
  "close.nan-scalar": "{what} is NaN where {expected} was expected. {hint}",
  "close.nan-at": "{what} contains NaN at {index} ({count} of {total} entries are NaN) where {expected} was expected. {hint}",
  "close.nan-hint": "NaN usually comes from Infinity / Infinity, Infinity - Infinity or 0 / 0, for example when exp() overflows.",
  "close.entry": "expected {expected}, got {actual}",
  "close.entry-at": "at {index} expected {expected}, got {actual}",
  "close.more": "; ...",
  "close.tolerance": "{atol} + {rtol} x |expected|",
  "close.scalar": "{subject}{listed} (absolute error {error}, tolerance {tolerance})",
  "close.one-of-one": "{subject}1 of 1 value differs: {listed}{more} (max absolute error {error}, tolerance {tolerance})",
  "close.one-of-many": "{subject}1 of {total} values differs: {listed}{more} (max absolute error {error}, tolerance {tolerance})",
  "close.many": "{subject}{count} of {total} values differ: {listed}{more} (max absolute error {error}, tolerance {tolerance})",

  // Finite values.
  "finite.scalar": "{what} is {value}; it should be a finite number",
  "finite.at": "{what} contains {value} at {index} ({counts} of {total} entries); every entry should be a finite number",
  "finite.nan-count": "{count} NaN",
  "finite.inf-count": "{count} infinite",
  "finite.count-separator": ", ",
  "finite.expected": "finite values",

  // Errors a test expects the learner's code to throw.
  "throws.unclear": "{message}: the error was thrown, but its message \"{text}\" does not say what went wrong clearly enough",
  "throws.none": "{message}: no error was thrown",
  "throws.expected-matching": "an error matching {pattern}",
  "throws.expected-any": "an error",
  "throws.quoted": "\"{text}\"",
  "throws.returned": "returned {value}",

  // Tensors.
  "tensor.not-tensor": "{what} should be a tf.Tensor but is {kind}",
  "tensor.not-returned": "Your function should return a tf.Tensor but returned {kind}",
  "tensor.disposed": "{what} has already been disposed (do not dispose a tensor you return)",

  // Compiling and loading the learner's module.
  "compile.test-name": "Your code compiles and loads",
  "compile.at-line": "Line {line}: ",
  "compile.at-line-column": "Line {line}, column {column}: ",
  "compile.syntax": "Syntax error: {detail}",
  "compile.only-tfjs": "Only {tfjs} can be imported here (your code imports \"{specifier}\").",
  "compile.only-tfjs-provided": "Only {tfjs} and {provided} can be imported here (your code imports \"{specifier}\").",
  "compile.threw": "Your code threw while loading: {error}",
  "compile.missing-export": "Your code must export a function named {name} (write \"export function {name}(...)\").{found}",
  "compile.exports-list": " It exports: {names}.",
  "compile.exports-nothing": " It exports nothing.",
  "compile.not-function": "{name} must be a function, but your code exports {kind}.",
  "forbid.namespace": "tf.{name}",
  "forbid.chained": ".{name}() (the chained form of tf.{name})",
  "forbid.named-import": "Importing {name} from @tensorflow/tfjs",
  "forbid.message": "{what} is not allowed in this exercise: {reason}.",
  "forbid.default-reason": "write it yourself from basic tensor operations",

  // Running the tests.
  "run.error-line": " (line {line} of your code)",
  "run.more-lines": "... {count} more line(s) not shown",

  // The browser worker (the grader itself, not the learner's code).
  "worker.no-exercise": "There is no exercise called \"{id}\".",
  "worker.could-not-start": "The grader could not start: {detail}",
  "worker.failed": "The grader failed: {detail}",
} as const;

export type MessageKey = keyof typeof en;
