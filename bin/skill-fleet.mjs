#!/usr/bin/env node
// Launcher: runs the TypeScript CLI (cli/main.ts) through tsx's ESM API in this same process, so signals
// (Ctrl-C), stdin and the exit code need no forwarding.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../cli/main.ts", import.meta.url);
const code = await main(process.argv);
// Open keep-alive sockets or a paused stdin must not keep a finished command alive.
process.exit(code);
