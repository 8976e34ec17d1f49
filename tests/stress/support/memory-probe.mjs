// Loaded into the server by the stress suite (NODE_OPTIONS=--import): every second it writes the process's
// memory, split as Node reports it, to $STRESS_MEMORY_FILE, which the suite prints next to the RSS it reads.
import fs from "node:fs";

const file = process.env.STRESS_MEMORY_FILE;
if (file) {
  const write = () => {
    const usage = process.memoryUsage();
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, ...usage }));
    fs.renameSync(`${file}.tmp`, file);
  };
  write();
  setInterval(write, 1000).unref();
}
