// @tensorflow/tfjs prints a banner suggesting tfjs-node when it first loads in Node.
// We deliberately use the pure-JS CPU backend (see docs/decisions), so silence that one line.
const originalWarn = console.warn;
const originalLog = console.log;
const isBanner = (args) => typeof args[0] === "string" && /tfjs-node|Hi there|speed things up/i.test(args[0]);
console.warn = (...args) => { if (!isBanner(args)) originalWarn(...args); };
console.log = (...args) => { if (!isBanner(args)) originalLog(...args); };
