/**
 * What "@tensorflow/tfjs" means inside the sandbox: tfjs-core's operations on the pure-JS CPU
 * backend. The layers, converter and data packages (model building and loading, which no
 * exercise uses) are left out: they double the script QuickJS evaluates for every run.
 */
export * from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
