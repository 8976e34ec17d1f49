#!/bin/sh
# Prisma 7's CLI insists that a schema-engine binary exists even for `generate`, and the real one can only be
# downloaded from Prisma's CDN, which these machines cannot reach. `generate` never runs it; anything that would
# (migrate, db push) must fail loudly instead of silently succeeding, hence exit 1.
echo "schema engine unavailable offline: use npm run db:migrate / db:new-migration" >&2
exit 1
