"use client";

import Link from "next/link";
import type { RouterOutputs } from "../../_lib/router-types";
import { RiskBadge } from "../security-report";

type Listed = RouterOutputs["library"]["list"]["items"][number];

const when = (date: Date): string => date.toISOString().slice(0, 10);

/** One line per skill: name, its latest version's risk badge, path, where that version came from (origin, author…). */
export function SkillList(props: { items: Listed[]; selected: string | null; onUndelete?: (path: string) => void }) {
  return (
    <nav aria-label="Skill library">
      <ul className="file-list">
        {props.items.map((skill) => (
          <li key={skill.path}>
            <Link
              href={`/library?path=${encodeURIComponent(skill.path)}`}
              aria-current={props.selected === skill.path ? "page" : undefined}
              title={skill.description}
            >
              {skill.name}
            </Link>{" "}
            {skill.security && <RiskBadge risk={skill.security.risk} analysed={skill.security.analysed} />}{" "}
            <span className="hint">
              {skill.path}
              {skill.latest &&
                ` · v${skill.latest.number} ${skill.latest.origin} by ${skill.latest.authorId}, ${when(skill.latest.createdAt)}`}
              {skill.latest?.score !== null &&
                skill.latest?.score !== undefined &&
                ` · ${skill.latest.score.toFixed(2)}`}
            </span>
            {props.onUndelete && (
              <button type="button" className="link-button" onClick={() => props.onUndelete?.(skill.path)}>
                Restore {skill.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
