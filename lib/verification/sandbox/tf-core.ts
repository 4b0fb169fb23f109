/**
 * What "@tensorflow/tfjs" means inside the sandbox: what the union package gives in the browser
 * (tfjs-core with its gradients and chained ops, on the pure-JS CPU backend), minus layers,
 * converter, data and WebGL (model building, loading and the GPU, which no exercise uses):
 * they would double the script QuickJS evaluates for every run.
 */
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
export * from "@tensorflow/tfjs-core";
export * from "@tensorflow/tfjs-backend-cpu";
