/** Regenerates content/figures/attention.json: npx tsx components/figures/data/write-attention-data.ts */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildAttentionData, formatAttentionJson } from "./attention-data";
import { checkAttentionData } from "../math/attention";

const target = join(process.cwd(), "content", "figures", "attention.json");
const data = checkAttentionData(buildAttentionData());
writeFileSync(target, formatAttentionJson(data));
console.log(`wrote ${target}: ${data.tokens.length} tokens, ${data.heads.length} heads`);
