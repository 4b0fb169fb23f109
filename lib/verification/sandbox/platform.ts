/**
 * The TensorFlow.js platform inside the sandbox: no network, a clock, UTF-8 text and
 * typed-array checks. The sandbox has no window, no process and no TextEncoder, so tfjs
 * would otherwise find no platform at all.
 */
import type * as TF from "@tensorflow/tfjs";

function encodeUtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return new Uint8Array(bytes);
}

function decodeUtf8(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const size = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let code = size === 1 ? b : b & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) code = (code << 6) | (bytes[i + k] & 63);
    out += String.fromCodePoint(code);
    i += size;
  }
  return out;
}

export function installSandboxPlatform(tf: typeof TF): void {
  tf.env().set("IS_NODE", false);
  tf.env().set("IS_BROWSER", false);
  tf.setPlatform("academy-sandbox", {
    fetch: () => Promise.reject(new Error("There is no network in the grader.")),
    now: () => Date.now(),
    encode: (text) => encodeUtf8(text),
    decode: (bytes) => decodeUtf8(bytes),
    isTypedArray: (a): a is Float32Array | Int32Array | Uint8Array | Uint8ClampedArray =>
      a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray,
  });
}

/** TextEncoder / TextDecoder (UTF-8 only), which browsers and Node have and the sandbox lacks. */
export function installTextCoding(): void {
  const global = globalThis as Record<string, unknown>;
  if (typeof global.TextEncoder !== "function") {
    global.TextEncoder = class TextEncoder {
      readonly encoding = "utf-8";
      encode(text = ""): Uint8Array {
        return encodeUtf8(String(text));
      }
    };
  }
  if (typeof global.TextDecoder !== "function") {
    global.TextDecoder = class TextDecoder {
      readonly encoding = "utf-8";
      decode(bytes?: ArrayBufferView | ArrayBuffer): string {
        if (!bytes) return "";
        const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return decodeUtf8(view);
      }
    };
  }
}
