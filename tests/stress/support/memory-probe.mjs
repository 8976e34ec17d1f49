// Loaded into the server by the stress suite (NODE_OPTIONS=--import): every second it writes the process's memory,
// split as Node reports it, to $STRESS_MEMORY_FILE; on SIGUSR2 it first runs a full garbage collection and writes at
// once, so the suite can tell memory still held (retained) from garbage not yet collected.
import fs from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";

const file = process.env.STRESS_MEMORY_FILE;
if (file) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  let collections = 0;
  const write = () => {
    const usage = process.memoryUsage();
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, collections, ...usage }));
    fs.renameSync(`${file}.tmp`, file);
  };
  write();
  setInterval(write, 1000).unref();
  process.on("SIGUSR2", () => {
    gc();
    collections++;
    write();
  });
}
