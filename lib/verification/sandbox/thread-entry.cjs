// The sandbox thread's entry (started by ./sandbox-thread.ts). tsx's loader flags do not reach
// worker threads, so the thread registers tsx's require hook itself before loading the TypeScript.
require("tsx/cjs");
require("./thread-main.ts");
