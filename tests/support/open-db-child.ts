// Child process for the data-folder lock test: opens the database named by DATABASE_URL the way the server
// does, reports, and closes it.
import { openDatabase } from "../../server/db/client";
import { parseDatabaseUrl } from "../../server/db/connection";

try {
  const database = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL ?? ""), { migrate: true });
  const count = await database.prisma.job.count();
  console.log(`opened ${database.description} with ${count} jobs`);
  await database.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(3);
}
