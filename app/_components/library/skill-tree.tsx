"use client";

import Link from "next/link";
import type { RouterOutputs } from "../../_lib/router-types";

type TreeNode = RouterOutputs["library"]["tree"]["nodes"][number];

function NodeItem({ node, selected }: { node: TreeNode; selected: string | null }) {
  return (
    <li>
      {node.skill ? (
        <Link
          href={`/library?path=${encodeURIComponent(node.path)}`}
          aria-current={selected === node.path ? "page" : undefined}
          title={node.skill.description}
        >
          {node.name}
        </Link>
      ) : (
        <span className="muted">{node.name}/</span>
      )}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <NodeItem key={child.path} node={child} selected={selected} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The taxonomy as a nested list: categories as folders, skills as links to their detail. */
export function SkillTree({ nodes, selected }: { nodes: TreeNode[]; selected: string | null }) {
  if (nodes.length === 0)
    return <p className="muted">The library is empty. Promote a finished job&apos;s draft to add a skill.</p>;
  return (
    <nav aria-label="Skill library" className="tree">
      <ul>
        {nodes.map((node) => (
          <NodeItem key={node.path} node={node} selected={selected} />
        ))}
      </ul>
    </nav>
  );
}
