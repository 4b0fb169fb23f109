/**
 * Accounts from the command line, for the site's owner (README, "Production"):
 *   npm run user -- create --email ada@example.org --role admin [--name "Ada L."]
 *   npm run user -- role --email ivo@example.org --role instructor
 *   npm run user -- password --email lea@example.org        (a new password; signs her out everywhere)
 * `create` and `password` read the password from a hidden prompt, or from standard input when it is not a
 * terminal (printf '%s\n' "$PASSWORD" | npm run user -- create ...), never from an argument
 * (arguments end up in shell history and process lists).
 * Works on DATABASE_URL, or on the embedded database, also while the site is running.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { changeRole, createAccount, parseRole, setPassword } from "../lib/accounts/owner";
import { withCommandDatabase } from "../lib/db/command-database";
import { createPrismaClient } from "../lib/db/create-client";

const USAGE = `usage:
  npm run user -- create --email <email> --role <learner|instructor|admin> [--name <name>]
  npm run user -- role --email <email> --role <learner|instructor|admin>
  npm run user -- password --email <email>`;

async function readStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, "");
}

/** Asks without echoing what is typed. */
function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    const write = output._writeToOutput.bind(rl);
    output._writeToOutput = (s: string) => write(s.startsWith(question) ? s : "");
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await ask("New password: ");
  const second = await ask("The same password again: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was created.");
  return first;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
  if (!["create", "role", "password"].includes(command) || !values.email) throw new Error(USAGE);
  const role = command === "password" ? undefined : parseRole(values.role);
  const password = command === "role" ? "" : await readPassword();
  await withCommandDatabase(async (url) => {
    const db = createPrismaClient(url, 1);
    try {
      if (command === "password") {
        const user = await setPassword(db, values.email!, password);
        console.log(`Updated: ${user.email} has a new password and is signed out everywhere.`);
        return;
      }
      const user = command === "create" ? await createAccount(db, { email: values.email!, name: values.name, password, role: role! }) : await changeRole(db, values.email!, role!);
      console.log(`${command === "create" ? "Created" : "Updated"}: ${user.email} is now ${user.role.toLowerCase()}.`);
    } finally {
      await db.$disconnect();
    }
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
