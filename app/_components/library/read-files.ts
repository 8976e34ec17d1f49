"use client";

/** Browser files as the API takes them: bytes as base64 (binary-safe), paths relative to the chosen folder. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A folder chosen with `webkitdirectory`: its name and its files keyed by their path inside it. */
export async function folderFiles(
  files: FileList,
): Promise<{ folder: string; files: { path: string; base64: string }[] }> {
  const list = [...files];
  const folder = list[0]?.webkitRelativePath.split("/")[0] ?? "skill";
  const entries = await Promise.all(
    list
      .filter((file) => !file.webkitRelativePath.split("/").some((part) => part.startsWith(".")))
      .map(async (file) => ({
        path: file.webkitRelativePath.split("/").slice(1).join("/"),
        base64: await base64Of(file),
      })),
  );
  return { folder, files: entries };
}
