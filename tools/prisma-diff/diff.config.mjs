// Prisma 6.19.3 config that makes its CLI use the bundled wasm schema engine (through a driver adapter) instead
// of the native engine, which cannot be downloaded here. `migrate diff` between two schema files never connects.
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA_DIFF_SCHEMA,
  async adapter() {
    return new PrismaLibSQL({ url: "file::memory:" });
  },
});
