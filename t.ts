import { PGlite } from "@electric-sql/pglite";
let t=performance.now();
const a = await PGlite.create("memory://"); await a.query("select 1");
console.log("memory create", performance.now()-t); t=performance.now();
const dump = await a.dumpDataDir("none");
console.log("dump", performance.now()-t, dump.size); t=performance.now();
const b = await PGlite.create({ loadDataDir: dump }); await b.query("select 1");
console.log("load from dump", performance.now()-t);
