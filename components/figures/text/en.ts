/**
 * Every figure's English words, one file per figure (text/en/<figure>.json) so that a figure's
 * chunk carries only its own (decision 042). This index is for the server, the tests and the
 * checks; a figure module imports its own file. zh.json holds the Chinese of all of them.
 */
import aiRelationship from "./en/ai-relationship.json";
import attentionHeatmap from "./en/attention-heatmap.json";
import buildingAnalogy from "./en/building-analogy.json";
import encoderDecoderFlow from "./en/encoder-decoder-flow.json";
import gradientDescent from "./en/gradient-descent.json";
import llmPipeline from "./en/llm-pipeline.json";
import positionalEncodingHeatmap from "./en/positional-encoding-heatmap.json";
import softmaxTemperature from "./en/softmax-temperature.json";
import tokenizer from "./en/tokenizer.json";
import trainingStages from "./en/training-stages.json";
import ui from "./en/ui.json";
import vectorSpace from "./en/vector-space.json";

export const english = {
  "ai-relationship": aiRelationship,
  "attention-heatmap": attentionHeatmap,
  "building-analogy": buildingAnalogy,
  "encoder-decoder-flow": encoderDecoderFlow,
  "gradient-descent": gradientDescent,
  "llm-pipeline": llmPipeline,
  "positional-encoding-heatmap": positionalEncodingHeatmap,
  "softmax-temperature": softmaxTemperature,
  "tokenizer": tokenizer,
  "training-stages": trainingStages,
  "ui": ui,
  "vector-space": vectorSpace,
};
