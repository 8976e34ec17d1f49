import type { SecuritySeverity } from "../../../../contracts/security-report";
import { allLines, cap, defensiveLine, hitAt, raise } from "../context";
import type { FileKind, LineZone, RuleHit, ScanFileView, ScanLine, ScanView, SecurityRule } from "../types";

/** A rule that matches one line at a time, then lets context move the severity (or drop the hit). */

export interface LineContext {
  view: ScanView;
  file: ScanFileView;
  line: ScanLine;
  match: RegExpExecArray;
}

export interface LineRuleSpec {
  id: string;
  family: string;
  pattern: RegExp;
  severity: SecuritySeverity;
  message: string;
  kinds?: readonly FileKind[];
  zones?: readonly LineZone[];
  /** The severity in context, or null when the match is not a finding here. Defaults to `defaultAdjust`. */
  adjust?(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null;
}

/** What most line rules share: text hidden from the reader is worse, a forbidding or quoting line is not a threat. */
export function defaultAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  if (ctx.line.zone === "comment") return raise(severity, "critical");
  if (defensiveLine(ctx.view, ctx.line, ctx.match.index)) return cap(severity, "low");
  return severity;
}

function applies(spec: LineRuleSpec, file: ScanFileView, line: ScanLine): boolean {
  if (spec.kinds && !spec.kinds.includes(file.kind)) return false;
  return !spec.zones || spec.zones.includes(line.zone);
}

export function lineRule(spec: LineRuleSpec): SecurityRule {
  const adjust = spec.adjust ?? defaultAdjust;
  return {
    id: spec.id,
    family: spec.family,
    check(view: ScanView): RuleHit[] {
      const hits: RuleHit[] = [];
      for (const { file, line } of allLines(view)) {
        if (!applies(spec, file, line)) continue;
        const match = spec.pattern.exec(line.text);
        if (!match) continue;
        const severity = adjust({ view, file, line, match }, spec.severity);
        if (severity !== null) hits.push(hitAt(line, severity, spec.message));
      }
      return hits;
    },
  };
}
