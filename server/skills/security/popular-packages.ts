/**
 * Widely used package names, the targets typosquatters imitate. A name one edit away from one of these (and not
 * itself in the list) is reported; the lists are per registry because `request` is real on npm.
 */

export const POPULAR_PYPI: readonly string[] = [
  "requests",
  "urllib3",
  "numpy",
  "pandas",
  "scipy",
  "matplotlib",
  "seaborn",
  "flask",
  "django",
  "fastapi",
  "uvicorn",
  "gunicorn",
  "pydantic",
  "sqlalchemy",
  "psycopg2",
  "pymysql",
  "redis",
  "celery",
  "boto3",
  "botocore",
  "pytest",
  "black",
  "flake8",
  "pylint",
  "mypy",
  "ruff",
  "isort",
  "setuptools",
  "wheel",
  "virtualenv",
  "jinja2",
  "pyyaml",
  "beautifulsoup4",
  "lxml",
  "pillow",
  "opencv-python",
  "scikit-learn",
  "tensorflow",
  "torch",
  "transformers",
  "openai",
  "anthropic",
  "httpx",
  "aiohttp",
  "cryptography",
  "paramiko",
  "colorama",
  "click",
  "rich",
  "tqdm",
  "python-dateutil",
  "python-dotenv",
  "selenium",
  "playwright",
  "jupyter",
  "notebook",
  "pyjwt",
  "certifi",
  "idna",
  "charset-normalizer",
  "six",
  "attrs",
  "packaging",
  "docker",
  "kubernetes",
  "tabulate",
];

export const POPULAR_NPM: readonly string[] = [
  "react",
  "react-dom",
  "next",
  "vue",
  "angular",
  "svelte",
  "express",
  "koa",
  "fastify",
  "lodash",
  "underscore",
  "axios",
  "request",
  "node-fetch",
  "moment",
  "dayjs",
  "chalk",
  "commander",
  "yargs",
  "debug",
  "dotenv",
  "typescript",
  "webpack",
  "vite",
  "rollup",
  "esbuild",
  "babel-core",
  "eslint",
  "prettier",
  "jest",
  "vitest",
  "mocha",
  "chai",
  "mongoose",
  "sequelize",
  "prisma",
  "pg",
  "mysql",
  "mysql2",
  "redis",
  "socket.io",
  "ws",
  "uuid",
  "classnames",
  "clsx",
  "tailwindcss",
  "postcss",
  "autoprefixer",
  "zod",
  "jsonwebtoken",
  "bcrypt",
  "cross-env",
  "nodemon",
  "rimraf",
  "glob",
  "minimist",
  "colors",
  "electron",
  "puppeteer",
  "playwright",
  "cheerio",
  "body-parser",
  "cors",
  "helmet",
  "passport",
  "bluebird",
  "async",
  "rxjs",
  "immer",
  "redux",
];

/** One cell of the distance table: delete, insert, substitute, or swap two neighbours. */
function cellOf(a: string, b: string, i: number, j: number, rows: Int32Array[]): number {
  const [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  const cost = a[i - 1] === b[j - 1] ? 0 : 1;
  const best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
  const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
  return swapped ? Math.min(best, (before[j - 2] ?? 0) + 1) : best;
}

/** Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits), on three rolling rows. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let rows: Int32Array[] = [
    new Int32Array(b.length + 1),
    Int32Array.from({ length: b.length + 1 }, (_, j) => j),
    new Int32Array(b.length + 1),
  ];
  for (let i = 1; i <= a.length; i += 1) {
    const current = rows[2] as Int32Array;
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) current[j] = cellOf(a, b, i, j, rows);
    rows = [rows[1] as Int32Array, current, rows[0] as Int32Array];
  }
  return rows[1]?.[b.length] ?? 3;
}

/** The popular name `name` imitates, or null. Short names are skipped: too many real packages sit one edit apart. */
export function imitated(name: string, popular: readonly string[]): string | null {
  const lower = name.toLowerCase().replace(/_/g, "-");
  if (lower.length < 5 || popular.includes(lower)) return null;
  // `psycopg` beside `psycopg2` is a sibling, not an imitation: a name that only adds or drops a version digit.
  const sibling = (known: string) =>
    (known.startsWith(lower) && /^\d+$/.test(known.slice(lower.length))) ||
    (lower.startsWith(known) && /^\d+$/.test(lower.slice(known.length)));
  const near = (known: string) => known.length >= 5 && Math.abs(known.length - lower.length) <= 1;
  return popular.find((known) => near(known) && !sibling(known) && editDistance(lower, known) === 1) ?? null;
}
