// A small, strict iCalendar reader for tests: it refuses what RFC 5545 does
// not allow (a bare CR or LF, a physical line over 75 octets, a missing final
// CRLF, an unknown escape, an unescaped comma or semicolon in a TEXT value,
// unbalanced BEGIN/END), so a feed that parses here is well formed.

export interface IcsComponent {
  name: string;
  /** Property name → every value of it, unescaped for TEXT properties. */
  props: Record<string, string[]>;
  params: Record<string, string[]>;
  children: IcsComponent[];
}

const TEXT_PROPS = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "X-WR-TIMEZONE", "UID"]);
const encoder = new TextEncoder();

export function unescapeText(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === ";" || c === ",") throw new Error(`unescaped "${c}" in a TEXT value: ${value}`);
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = value[++i];
    if (next === "\\" || next === ";" || next === ",") out += next;
    else if (next === "n" || next === "N") out += "\n";
    else throw new Error(`unknown escape "\\${next ?? ""}" in: ${value}`);
  }
  return out;
}

/** The content lines of `text`, unfolded, after checking line endings and lengths. */
export function contentLines(text: string): string[] {
  if (!text.endsWith("\r\n")) throw new Error("the text must end with CRLF");
  const physical = text.slice(0, -2).split("\r\n");
  const lines: string[] = [];
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error(`a bare CR or LF in: ${JSON.stringify(line)}`);
    if (encoder.encode(line).length > 75) throw new Error(`a line of more than 75 octets: ${line}`);
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (lines.length === 0) throw new Error("a continuation line first");
      lines[lines.length - 1] += line.slice(1);
    } else {
      lines.push(line);
    }
  }
  return lines;
}

/** The VCALENDAR in `text`. */
export function parseIcs(text: string): IcsComponent {
  const stack: IcsComponent[] = [];
  let root: IcsComponent | null = null;
  for (const line of contentLines(text)) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new Error(`not a content line: ${line}`);
    const [name, ...paramParts] = line.slice(0, colon).split(";");
    if (!/^[A-Z0-9-]+$/.test(name!)) throw new Error(`bad property name: ${line}`);
    const raw = line.slice(colon + 1);
    if (name === "BEGIN") {
      const component: IcsComponent = { name: raw, props: {}, params: {}, children: [] };
      if (stack.length > 0) stack.at(-1)!.children.push(component);
      else if (root) throw new Error("a second top-level component");
      else root = component;
      stack.push(component);
      continue;
    }
    if (name === "END") {
      const open = stack.pop();
      if (!open || open.name !== raw) throw new Error(`END:${raw} does not close ${open?.name ?? "anything"}`);
      continue;
    }
    const current = stack.at(-1);
    if (!current) throw new Error(`a property outside any component: ${line}`);
    (current.props[name!] ??= []).push(TEXT_PROPS.has(name!) ? unescapeText(raw) : raw);
    (current.params[name!] ??= []).push(paramParts.join(";"));
  }
  if (stack.length > 0 || !root) throw new Error("unbalanced BEGIN/END");
  if (root.name !== "VCALENDAR") throw new Error(`the top component is ${root.name}`);
  return root;
}

/** The one value of `prop`, or an error if there are none or several. */
export function one(component: IcsComponent, prop: string): string {
  const values = component.props[prop] ?? [];
  if (values.length !== 1) throw new Error(`${component.name} has ${values.length} ${prop}`);
  return values[0]!;
}

/** "20270113T150000Z" → epoch ms. */
export function parseUtc(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC DATE-TIME: ${value}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}
