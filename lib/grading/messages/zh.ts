/**
 * 评分器的中文提示：与 en.ts 一一对应（同样的键、同样的占位符）。
 * Written for learners: say what is wrong and what to try, in the glossary's terms.
 */
import type { MessageKey } from "./en";

export const zh: Record<MessageKey, string> = {
  "subject": "{what}：",
  "the-result": "结果",
  "the-result-start": "结果",
  "the-expected-value": "期望值",
  "the-returned-tensor": "返回的张量",
  "list-separator": "；",
  "shape": "形状 {shape}",

  "kind.undefined": "undefined（是不是忘了 return 结果？）",
  "kind.null": "null",
  "kind.array": "一个普通数组（用 tf.tensor(...) 包起来才是张量）",
  "kind.number": "数字 {value}",
  "kind.promise": "一个 Promise（这个函数不能写成 async）",
  "kind.object": "一个不是张量的对象",
  "kind.other": "一个 {type} 类型的值",

  "value.not-number": "{what}里有不是数字的元素",
  "value.ragged": "{what}是一个参差不齐的数组（各行形状不同）",
  "value.disposed": "{subject}这个张量已经被释放（dispose），无法再读取它的值",
  "value.dtype": "{subject}应当是数值张量，实际的 dtype 是 {dtype}",
  "value.not-tensor": "{subject}应当是 tf.Tensor，实际得到的是{kind}",

  "shape.want-scalar": "{subject}应当是标量（形状 []），实际形状是 {actual}",
  "shape.got-scalar": "{subject}形状应为 {expected}，实际得到的是标量（形状 []）",
  "shape.mismatch": "{subject}形状应为 {expected}，实际是 {actual}",

  "close.nan-scalar": "{what}是 NaN，而期望值是 {expected}。{hint}",
  "close.nan-at": "{what}在 {index} 处出现 NaN（{total} 个元素中有 {count} 个是 NaN），而该处的期望值是 {expected}。{hint}",
  "close.nan-hint": "NaN 通常来自 Infinity / Infinity、Infinity - Infinity 或 0 / 0，比如 exp() 上溢的时候。",
  "close.entry": "期望 {expected}，实际 {actual}",
  "close.entry-at": "{index} 处期望 {expected}，实际 {actual}",
  "close.more": "；……",
  "close.tolerance": "{atol} + {rtol} × |期望值|",
  "close.scalar": "{subject}{listed}（绝对误差 {error}，容差 {tolerance}）",
  "close.one-of-one": "{subject}唯一的 1 个值不符：{listed}{more}（最大绝对误差 {error}，容差 {tolerance}）",
  "close.one-of-many": "{subject}{total} 个值中有 1 个不符：{listed}{more}（最大绝对误差 {error}，容差 {tolerance}）",
  "close.many": "{subject}{total} 个值中有 {count} 个不符：{listed}{more}（最大绝对误差 {error}，容差 {tolerance}）",

  "finite.scalar": "{what}是 {value}，它应当是一个有限的数",
  "finite.at": "{what}在 {index} 处是 {value}（{total} 个元素中有 {counts}），每个元素都应当是有限的数",
  "finite.nan-count": "{count} 个 NaN",
  "finite.inf-count": "{count} 个无穷大",
  "finite.count-separator": "、",
  "finite.expected": "全部为有限值",

  "throws.unclear": "{message}：确实抛出了错误，但错误信息“{text}”没有把问题说清楚",
  "throws.none": "{message}：但没有抛出任何错误",
  "throws.expected-matching": "一个与 {pattern} 匹配的错误",
  "throws.expected-any": "一个错误",
  "throws.quoted": "“{text}”",
  "throws.returned": "返回了 {value}",

  "tensor.not-tensor": "{what}应当是 tf.Tensor，实际是{kind}",
  "tensor.not-returned": "你的函数应当返回 tf.Tensor，实际返回的是{kind}",
  "tensor.disposed": "{what}已经被释放（dispose）了（不要释放你要返回的张量）",

  "compile.test-name": "代码能通过编译并成功加载",
  "compile.at-line": "第 {line} 行：",
  "compile.at-line-column": "第 {line} 行第 {column} 列：",
  "compile.syntax": "语法错误：{detail}",
  "compile.only-tfjs": "这里只能导入 {tfjs}（你的代码导入了“{specifier}”）。",
  "compile.only-tfjs-provided": "这里只能导入 {tfjs} 和 {provided}（你的代码导入了“{specifier}”）。",
  "compile.threw": "代码在加载时就抛出了错误：{error}",
  "compile.missing-export": "你的代码需要导出一个名为 {name} 的函数（写成“export function {name}(...)”）。{found}",
  "compile.exports-list": "目前导出的是：{names}。",
  "compile.exports-nothing": "目前什么也没有导出。",
  "compile.not-function": "{name} 必须是函数，但你的代码导出的是{kind}。",
  "forbid.namespace": "tf.{name}",
  "forbid.chained": ".{name}()（tf.{name} 的链式写法）",
  "forbid.named-import": "从 @tensorflow/tfjs 导入 {name}",
  "forbid.message": "本练习不允许使用 {what}：{reason}。",
  "forbid.default-reason": "请用基础的张量运算自己实现",

  "run.error-line": "（你的代码第 {line} 行）",
  "run.more-lines": "……还有 {count} 行输出未显示",

  "worker.no-exercise": "没有名为“{id}”的练习。",
  "worker.could-not-start": "评分器无法启动：{detail}",
  "worker.failed": "评分器出错：{detail}",
};
