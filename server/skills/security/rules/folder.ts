import type { RuleHit, ScanView, SecurityRule } from "../types";

/** The folder itself: symlinks (never followed, they can point anywhere), executables and archives inside. */

const EXECUTABLE = /\.(exe|dll|so|dylib|bin|elf|msi|dmg|pkg|deb|rpm|scr|com|jar|class|pyc|pyo|node|apk|app)$/i;
const ARCHIVE = /\.(zip|tar|tgz|gz|bz2|xz|7z|rar|whl|egg|nupkg|cab|iso)$/i;

function symlinks(view: ScanView): RuleHit[] {
  return view.symlinks.map((link) => ({
    severity: "high",
    message: "A symlink in the skill can point outside its folder (at ~/.ssh, another skill); it is never followed",
    file: link,
    line: null,
    evidence: `${link} (symlink)`,
  }));
}

function executables(view: ScanView): RuleHit[] {
  return view.binaries.flatMap((binary): RuleHit[] => {
    if (EXECUTABLE.test(binary.path))
      return [
        {
          severity: "high",
          message: "An executable or compiled binary: its behaviour cannot be read or scanned",
          file: binary.path,
          line: null,
          evidence: `${binary.path} (${binary.size} bytes)`,
        },
      ];
    return [];
  });
}

/** A text file too large to read: the scan cannot vouch for it, so the skill is not fully analysed. */
function unread(view: ScanView): RuleHit[] {
  return view.unread.map((path) => ({
    severity: "medium",
    message: "A text file too large to scan: the skill is not fully analysed",
    file: path,
    line: null,
    evidence: path,
  }));
}

const TRAVERSAL = /(\.\.\/){2,}|(\.\.\\){2,}/;

function traversal(view: ScanView): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const file of view.files) {
    const line = file.lines.find(
      (candidate) => TRAVERSAL.test(candidate.text) && /\b(cp|mv|write|open|>|ln|rm|cat|read)\b/.test(candidate.text),
    );
    if (line)
      hits.push({
        severity: "medium",
        message: "Reaches files outside the skill's folder through ../..",
        file: file.path,
        line: line.number,
        evidence: line.text.trim().slice(0, 200),
      });
  }
  return hits;
}

function archives(view: ScanView): RuleHit[] {
  return view.binaries.flatMap((binary): RuleHit[] => {
    if (ARCHIVE.test(binary.path))
      return [
        {
          severity: "medium",
          message: "An archive inside the skill: its contents are not scanned",
          file: binary.path,
          line: null,
          evidence: `${binary.path} (${binary.size} bytes)`,
        },
      ];
    return [];
  });
}

export const folderRules: readonly SecurityRule[] = [
  { id: "SEC-FS-001", family: "folder", check: symlinks },
  { id: "SEC-FS-002", family: "folder", check: traversal },
  { id: "SEC-FS-003", family: "folder", check: executables },
  { id: "SEC-FS-004", family: "folder", check: archives },
  { id: "SEC-FS-005", family: "folder", check: unread },
];
