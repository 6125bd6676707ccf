/**
 * A small parser for the `call` lines of the captures (`client.create_volume(TENANT, 'v-x', 1,
 * start=datetime(2017,1,1))`): literals, lists, dicts, `datetime(...)`, names and `...`, chained calls.
 */
export type PyValue =
  | { kind: "str"; value: string }
  | { kind: "num"; value: number }
  | { kind: "const"; value: null | boolean }
  | { kind: "list"; items: PyValue[] }
  | { kind: "dict"; entries: [PyValue, PyValue][] }
  | { kind: "datetime"; parts: number[] }
  | { kind: "name"; name: string }
  | { kind: "ellipsis" };

export interface PyCall {
  args: PyValue[];
  kwargs: Record<string, PyValue>;
}
export interface Segment {
  name: string;
  call?: PyCall;
}

type Token = { t: "name" | "str" | "num" | "punct"; v: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) i++;
    else if (ch === "#") break;
    else if (source.startsWith("...", i)) {
      tokens.push({ t: "punct", v: "..." });
      i += 3;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_]\w*/.exec(source.slice(i))![0];
      tokens.push({ t: "name", v: m });
      i += m.length;
    } else if (/[0-9-]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?/.exec(source.slice(i))![0];
      tokens.push({ t: "num", v: m });
      i += m.length;
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      let value = "";
      while (source[j] !== ch) {
        if (source[j] === "\\") j++;
        value += source[j];
        j++;
      }
      tokens.push({ t: "str", v: value });
      i = j + 1;
    } else {
      tokens.push({ t: "punct", v: ch });
      i++;
    }
  }
  return tokens;
}

/** Parse `a.b(args).c(args)` into segments. */
export function parseCall(source: string): Segment[] {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (v?: string): Token => {
    const tok = tokens[pos++];
    if (!tok || (v !== undefined && tok.v !== v))
      throw new Error(`cannot parse call ${source} at token ${pos}`);
    return tok;
  };
  const value = (): PyValue => {
    const tok = take();
    if (tok.t === "str") return { kind: "str", value: tok.v };
    if (tok.t === "num") return { kind: "num", value: Number(tok.v) };
    if (tok.v === "...") return { kind: "ellipsis" };
    if (tok.v === "[") {
      const items: PyValue[] = [];
      while (peek()?.v !== "]") {
        items.push(value());
        if (peek()?.v === ",") take(",");
      }
      take("]");
      return { kind: "list", items };
    }
    if (tok.v === "{") {
      const entries: [PyValue, PyValue][] = [];
      while (peek()?.v !== "}") {
        const k = value();
        take(":");
        entries.push([k, value()]);
        if (peek()?.v === ",") take(",");
      }
      take("}");
      return { kind: "dict", entries };
    }
    if (tok.t === "name") {
      if (tok.v === "None") return { kind: "const", value: null };
      if (tok.v === "True" || tok.v === "False") return { kind: "const", value: tok.v === "True" };
      if (tok.v === "datetime" && peek()?.v === "(") {
        const c = callArgs();
        return { kind: "datetime", parts: c.args.map((a) => (a.kind === "num" ? a.value : 0)) };
      }
      return { kind: "name", name: tok.v };
    }
    throw new Error(`unexpected token ${tok.v} in ${source}`);
  };
  const callArgs = (): PyCall => {
    take("(");
    const call: PyCall = { args: [], kwargs: {} };
    while (peek()?.v !== ")") {
      if (peek()?.t === "name" && tokens[pos + 1]?.v === "=") {
        const name = take().v;
        take("=");
        call.kwargs[name] = value();
      } else call.args.push(value());
      if (peek()?.v === ",") take(",");
    }
    take(")");
    return call;
  };
  const segments: Segment[] = [{ name: take().v }];
  while (pos < tokens.length) {
    if (peek()?.v === "(") (segments.at(-1) as Segment).call = callArgs();
    else {
      take(".");
      segments.push({ name: take().v });
    }
  }
  return segments;
}
