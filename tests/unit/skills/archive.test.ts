import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_UNZIPPED_BYTES, unzipSkill, zipFiles } from "@/server/skills/archive";
import { BINARY } from "../../support/library";

/** Uploaded zips: limits on the bytes really inflated, symlinks refused, binary files byte for byte. */
const MB = 1024 * 1024;

/** Rewrites every entry's declared uncompressed size (local header and central directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.byteLength; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe("unzipSkill", () => {
  it("round-trips binary files byte for byte", async () => {
    const zip = zipFiles("logo-skill", [
      { path: "SKILL.md", bytes: strToU8("---\nname: logo-skill\n---\n") },
      { path: "assets/logo.png", bytes: BINARY },
    ]);
    const { folder, files } = await unzipSkill(zip);
    expect(folder).toBe("logo-skill");
    expect(Buffer.from(files.get("assets/logo.png") ?? []).equals(Buffer.from(BINARY))).toBe(true);
  });

  it("stops a bomb by the bytes it really inflates, across entries", async () => {
    const chunk = new Uint8Array(20 * MB);
    const zip = zipSync({
      "b/SKILL.md": strToU8("x"),
      "b/1.bin": chunk,
      "b/2.bin": chunk,
      "b/3.bin": chunk,
      "b/4.bin": chunk,
    });
    expect(zip.byteLength).toBeLessThan(MB);
    await expect(unzipSkill(zip)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `The zip unpacks to more than ${MAX_UNZIPPED_BYTES / MB} MB`,
    });
  });

  it("refuses a zip whose declared sizes lie (small declared, large inflated)", async () => {
    const zip = lieAboutSizes(zipSync({ "b/SKILL.md": new Uint8Array(70 * MB) }), 100);
    await expect(unzipSkill(zip)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses symlink entries", async () => {
    const zip = zipSync({
      "s/SKILL.md": strToU8("---\nname: s\n---\n"),
      "s/link": [strToU8("/etc/passwd"), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    await expect(unzipSkill(zip)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/symlink/),
    });
  });

  it("refuses absolute and traversal names before inflating anything", async () => {
    for (const name of ["/abs/SKILL.md", "a/../../SKILL.md"]) {
      await expect(unzipSkill(zipSync({ [name]: strToU8("x") }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});
